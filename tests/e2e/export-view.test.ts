import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { openWorkspaceDb } from '../../main/core/db/workspace-db';
import { GraphStore } from '../../main/core/graph/graph-store';
import { PNG_SCALE } from '../../main/core/export/view-export';
import { launchChromium } from './harness';

// Issue 9.6/9.7: `npm run cli -- export-view` opens a view of the sample workspace in the app in headless Chromium
// and draws it with the app's own export: SVG (parses as SVG, the labels are <text>), PNG (2× the picture's CSS
// size) and PDF (the labels extractable as text), with the title, the date and the legend, in the UI language
// asked for (zh-CN by default); a label made to break out of markup stays text.

const EVIL = '</script><!-- <b>破坏者</b>';
let dir = '';
let file = '';
let core = '';
let capabilities: string[] = [];
let processes: string[] = [];
let chrome: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-export-view-'));
  file = path.join(dir, 'w.wellspring');
  expect(await runCli(['init', '--workspace', file, '--sample'], () => {})).toBe(0);
  const { db } = openWorkspaceDb(file);
  try {
    const store = new GraphStore(db);
    const competencies = store.getGraph({ kinds: ['competency'] }).nodes;
    core = competencies.find((n) => n.props.level === 'core')!.label;
    capabilities = competencies.filter((n) => n.props.level === 'capability').map((n) => n.label);
    processes = store.getGraph({ kinds: ['process'] }).nodes.map((n) => n.label);
    store.addNode({ kind: 'term', label: EVIL, x: 0, y: -400 });
  } finally {
    db.close();
  }
  chrome = await launchChromium();
});

afterAll(async () => {
  await chrome?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs export-view; the file written and the picture's CSS size the CLI printed. */
async function exportView(
  view: string,
  format: string,
  language?: string,
): Promise<{ out: string; width: number; height: number; printed: string }> {
  const out = path.join(dir, `${view}${language ?? ''}.${format}`);
  const lines: string[] = [];
  const code = await runCli(
    [
      'export-view',
      '--workspace',
      file,
      '--view',
      view,
      '--format',
      format,
      '--out',
      out,
      ...(language ? ['--language', language] : []),
    ],
    (s) => lines.push(...s.split('\n')),
  );
  expect(code).toBe(0);
  expect(lines[0]).toBe(out);
  const m = /(\d+)×(\d+) px/.exec(lines.join('\n'));
  expect(m).not.toBeNull();
  return { out, width: Number(m![1]), height: Number(m![2]), printed: lines.join('\n') };
}

/** Parses `svg` strictly as image/svg+xml in Chromium: a parse error, the root's size, and every <text>. */
async function parseSvg(
  svg: string,
): Promise<{ error: string | null; root: string; width: number; height: number; texts: string[] }> {
  const page = await chrome.context.newPage();
  try {
    return await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: error ? error.textContent : null,
        root: root.localName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        texts: Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? ''),
      };
    }, svg);
  } finally {
    await page.close();
  }
}

/** Today as the app writes it in a Chinese title: 2026年12月2日. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

describe('export-view', () => {
  it('--view competency --format svg: valid SVG with the core, the capabilities, the title, date and legend as text', async () => {
    const { out, width, height } = await exportView('competency', 'svg');
    const svg = fs.readFileSync(out, 'utf8');
    const parsed = await parseSvg(svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect([parsed.width, parsed.height]).toEqual([width, height]);
    expect(parsed.texts).toContain(core);
    for (const c of capabilities) expect(parsed.texts).toContain(c);
    expect(capabilities.length).toBe(4);
    // The app's title (workspace · view · level · date) and its coverage legend.
    expect(parsed.texts).toContain(`锦绣服饰知识地图 · 能力 · ${core} · ${today()}`);
    for (const band of ['低于目标', '差一级以内', '达到目标', '无支撑知识'])
      expect(parsed.texts).toContain(band);
  });

  it('--view competency --format png: the image is 2× the picture (the size the SVG has too)', async () => {
    const svg = await exportView('competency', 'svg');
    const { out, width, height } = await exportView('competency', 'png');
    const png = fs.readFileSync(out);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * PNG_SCALE, height * PNG_SCALE]);
    expect([width, height]).toEqual([svg.width, svg.height]);
  });

  const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!pdftotext)(
    '--view competency --format pdf: one page of the size it says; pdftotext finds the capabilities (skipped without pdftotext)',
    async () => {
      const { out, printed } = await exportView('competency', 'pdf');
      expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
      for (const c of [core, ...capabilities]) expect(text).toContain(c);
      expect(text).toContain('锦绣服饰知识地图 · 能力');
      const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+1\n/);
      // The whole tree is about 2700 px square: too small on A4 (ui/export/pdf-page.ts), so A3 portrait.
      expect(printed).toContain('on A3 portrait');
      expect(info).toMatch(/Page size:\s+841\.\d+ x 1191\.\d+ pts \(A3\)/);
    },
  );
  it.skipIf(!pdftotext)('--view map --format pdf: pdftotext finds every process and the title', async () => {
    const { out } = await exportView('map', 'pdf');
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    for (const p of processes) expect(text).toContain(p);
    expect(text).toContain('知识地图');
    expect(text).toContain(today());
  });
  if (!pdftotext) console.warn('export-view PDF test skipped: pdftotext (poppler-utils) is not installed');

  it('--view map --format svg: the processes and a hostile label are text, and the SVG still parses', async () => {
    const { out } = await exportView('map', 'svg');
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).not.toContain('</script>');
    expect(svg).not.toContain('<!--');
    const parsed = await parseSvg(svg);
    expect(parsed.error).toBeNull();
    for (const p of processes) expect(parsed.texts).toContain(p);
    // a long label wraps at its spaces onto lines of its own: the lines, spaces aside, are the label
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    expect(squeeze(parsed.texts.join(''))).toContain(squeeze(EVIL));
    expect(parsed.texts.some((t) => t.startsWith('锦绣服饰知识地图 · 知识地图 · '))).toBe(true);
  });

  it('--language en: the title and the legend in English', async () => {
    const { out } = await exportView('competency', 'svg', 'en');
    const parsed = await parseSvg(fs.readFileSync(out, 'utf8'));
    expect(parsed.texts.some((t) => t.startsWith('锦绣服饰知识地图 · Competencies · '))).toBe(true);
    expect(parsed.texts).toContain('Below target');
  });
});

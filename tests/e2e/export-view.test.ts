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

// Issue 9.6/9.7: `npm run cli -- export-view` draws a view of the sample workspace in headless Chromium as SVG
// (parses as SVG, the labels are <text>), PNG (2× the picture's CSS size) and PDF (the labels extractable as
// text), with the title, the date and the legend; a label made to break out of markup stays text.

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
): Promise<{ out: string; width: number; height: number }> {
  const out = path.join(dir, `${view}.${format}`);
  const lines: string[] = [];
  const code = await runCli(
    ['export-view', '--workspace', file, '--view', view, '--format', format, '--out', out],
    (s) => lines.push(...s.split('\n')),
  );
  expect(code).toBe(0);
  expect(lines[0]).toBe(out);
  const m = /(\d+)×(\d+) px/.exec(lines.join('\n'));
  expect(m).not.toBeNull();
  return { out, width: Number(m![1]), height: Number(m![2]) };
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

const today = () => new Date().toISOString().slice(0, 10);

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
    expect(parsed.texts).toContain('Competencies');
    expect(parsed.texts.some((t) => t.includes(today()))).toBe(true);
    expect(parsed.texts).toContain('图例 Legend');
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
    '--view competency --format pdf: one A4 landscape page; pdftotext finds the capabilities (skipped without pdftotext)',
    async () => {
      const { out } = await exportView('competency', 'pdf');
      expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
      for (const c of [core, ...capabilities]) expect(text).toContain(c);
      expect(text).toContain('Competencies');
      const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    },
  );
  it.skipIf(!pdftotext)('--view map --format pdf: pdftotext finds every process and the title', async () => {
    const { out } = await exportView('map', 'pdf');
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    for (const p of processes) expect(text).toContain(p);
    expect(text).toContain('Knowledge map');
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
    // a long label wraps after its spaces onto lines of its own (each keeps its trailing space)
    expect(parsed.texts.join('')).toContain(EVIL);
    expect(parsed.texts).toContain('Knowledge map');
  });
});

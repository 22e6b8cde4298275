/**
 * Electronegativity (Doyensec's Electron security scanner, @doyensec/electronegativity) over the source of main/ and
 * preload/ together (its global checks — CSP, navigation limits, permission handler — look for the defence anywhere
 * in the input, so preload alone would report them missing). Fails listing every HIGH or MEDIUM finding.
 *
 * Offline: the CLI is run with `got` replaced (electronegativity-offline.mjs), the Electron version given with `-e`
 * (the one in package.json, so it is not looked up) and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK left out: it compares
 * that version with Electron's release list downloaded from GitHub. Reviewed findings are silenced in the code
 * with an `eng-disable` comment that says why.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
const ELECTRON_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: { electron: string };
  }
).devDependencies.electron;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wellspring-electronegativity-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** One finding of the CSV report: `issue, severity, confidence, filename, location, sample, description, url`. */
interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}

/**
 * Parses Electronegativity's CSV with papaparse: a description may hold quoted commas, quotes and line breaks (a
 * CSP it cannot parse is described over two lines), which a split on newlines tore into rows of garbage.
 */
function parseCsv(text: string): Finding[] {
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data.slice(1);
  return rows.map((r) => ({
    issue: (r[0] ?? '').trim(),
    severity: (r[1] ?? '').trim(),
    confidence: (r[2] ?? '').trim(),
    file: (r[3] ?? '').trim(),
    location: (r[4] ?? '').trim(),
    description: r[6] ?? '',
  }));
}

function scan(input: string, out: string): Promise<{ code: number; log: string }> {
  const args = [
    '--import',
    pathToFileURL(path.join(__dirname, 'electronegativity-offline.mjs')).href,
    CLI,
    '-i',
    input,
    '-e',
    ELECTRON_VERSION,
    '-r',
    '-x',
    'AvailableSecurityFixesGlobalCheck',
    '-o',
    out,
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: work, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? 1 : 0, log: `${stdout}${stderr}` }),
    );
  });
}

/**
 * Scans and parses the report; the CLI's CSV writer now and then leaves a torn file (its header over the start of
 * the first row, seen about one run in three on this machine), so a report whose rows are not all well formed is
 * written again, up to three scans.
 */
async function scanReport(
  input: string,
  out: string,
): Promise<{ code: number; log: string; findings: Finding[] }> {
  let last = { code: 1, log: '', findings: [] as Finding[] };
  for (let attempt = 0; attempt < 3; attempt++) {
    fs.rmSync(out, { force: true });
    const { code, log } = await scan(input, out);
    const findings = code === 0 && fs.existsSync(out) ? parseCsv(fs.readFileSync(out, 'utf8')) : [];
    last = { code, log, findings };
    const wellFormed = findings.every(
      (f) =>
        /^[A-Z][A-Z0-9_]+$/.test(f.issue) && ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'].includes(f.severity),
    );
    if (code !== 0 || wellFormed) return last;
  }
  return last;
}

describe('Electronegativity', () => {
  it('finds no HIGH or MEDIUM issue in main/ and preload/', async () => {
    const input = path.join(work, 'src');
    fs.mkdirSync(input);
    for (const dir of ['main', 'preload'])
      fs.cpSync(path.join(ROOT, dir), path.join(input, dir), { recursive: true });
    const out = path.join(work, 'report.csv');
    const { code, log, findings } = await scanReport(input, out);
    expect(code, log).toBe(0);
    // The scan really looked at the code: the CSP constant it cannot parse is reported, as LOW.
    expect(
      findings.some((f) => f.issue === 'CSP_GLOBAL_CHECK'),
      log,
    ).toBe(true);
    const serious = findings
      .filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
      .map((f) => `${f.severity} ${f.issue} ${f.file}:${f.location} (${f.confidence}): ${f.description}`);
    expect(serious).toEqual([]);
  });

  it('reports a window made without the security settings (the scan can fail)', async () => {
    const input = path.join(work, 'bad');
    fs.mkdirSync(input);
    fs.writeFileSync(
      path.join(input, 'index.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
    );
    const out = path.join(work, 'bad.csv');
    const { code, log, findings } = await scanReport(input, out);
    expect(code, log).toBe(0);
    const issues = findings.map((f) => `${f.severity} ${f.issue}`);
    expect(issues).toContain('HIGH CONTEXT_ISOLATION_JS_CHECK');
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM } from './paths';

// What `npm test` needs from the machine outside node_modules, checked before anything else runs, so that a
// fresh machine gets one line naming the package to install instead of every end-to-end file failing with a
// stack trace. Run as `tsx tests/e2e/preflight.ts [check …]`.

/** Something a test needs from the system: `chromium` (e2e, map benchmark), `fonts` (CJK glyphs in the e2e
 * screenshots), `pdftotext` (the library benchmark's baseline). */
export type Check = 'chromium' | 'fonts' | 'pdftotext';
export const CHECKS: readonly Check[] = ['chromium', 'fonts', 'pdftotext'];

/** The Debian package that provides each check. */
const PACKAGE: Record<Check, string> = {
  chromium: 'chromium',
  fonts: 'fonts-noto-cjk',
  pdftotext: 'poppler-utils',
};

/** Files of fonts-noto-cjk, looked for when fontconfig's fc-list is not installed. */
const NOTO_CJK_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

/** What one missing prerequisite is called in the message, with the detail that says why it counts as missing. */
interface Missing {
  check: Check;
  name: string;
  detail: string;
}

function findChromium(chromium: string): Missing | null {
  const missing = (detail: string): Missing => ({ check: 'chromium', name: 'Chromium', detail });
  const where = chromium === process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${chromium}` : chromium;
  try {
    if (!fs.statSync(chromium).isFile()) return missing(`${where} is not a file`);
    fs.accessSync(chromium, fs.constants.X_OK);
  } catch {
    return missing(`${where} is not an executable file`);
  }
  // A file that does not start (a snap stub, missing libraries) fails every e2e test just the same.
  const r = spawnSync(chromium, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0)
    return missing(`${where} does not run: ${r.error?.message ?? `exit ${r.status ?? r.signal}`}`);
  return null;
}

function findFonts(): Missing | null {
  // Elsewhere than Linux the system fonts have Chinese glyphs; Debian's minimal images do not.
  if (process.platform !== 'linux') return null;
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 30_000 });
  const found = r.error ? NOTO_CJK_FILES.some((f) => fs.existsSync(f)) : r.stdout.trim() !== '';
  return found
    ? null
    : {
        check: 'fonts',
        name: 'Chinese fonts',
        detail: r.error ? 'no Noto CJK font file' : 'fc-list :lang=zh lists none',
      };
}

function findPdftotext(): Missing | null {
  const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8', timeout: 30_000 });
  return r.error ? { check: 'pdftotext', name: 'pdftotext', detail: 'pdftotext is not on the PATH' } : null;
}

/**
 * Runs the given checks (every one by default) and returns null when all pass, else ONE line naming what is
 * missing, the Debian packages and the command that installs them, e.g.
 * `Chromium is missing (/usr/bin/chromium is not an executable file): apt-get install chromium (or set
 * CHROMIUM_PATH to a Chromium binary)`.
 * Chromium is looked for at CHROMIUM_PATH (default /usr/bin/chromium) and must answer `--version`; the CJK fonts
 * through `fc-list :lang=zh` (or the fonts-noto-cjk files without fontconfig; Linux only); pdftotext on the PATH.
 */
export function missingPrerequisites(checks: readonly Check[] = CHECKS, chromium = CHROMIUM): string | null {
  const missing = [
    checks.includes('chromium') ? findChromium(chromium) : null,
    checks.includes('fonts') ? findFonts() : null,
    checks.includes('pdftotext') ? findPdftotext() : null,
  ].filter((m): m is Missing => m !== null);
  if (missing.length === 0) return null;
  const names = missing.map((m) => m.name);
  const subject =
    names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are`;
  const details = missing.map((m) => m.detail).join('; ');
  const packages = missing.map((m) => PACKAGE[m.check]).join(' ');
  const orPath = missing.some((m) => m.check === 'chromium')
    ? ' (or set CHROMIUM_PATH to a Chromium binary)'
    : '';
  return `${subject} missing (${details}): apt-get install ${packages}${orPath}`;
}

/** The command line: checks named as arguments (all without), exit 1 with the line on stderr when one fails. */
function main(args: string[]): void {
  const unknown = args.filter((a) => !(CHECKS as readonly string[]).includes(a));
  if (unknown.length) {
    console.error(`preflight: unknown check ${unknown.join(', ')} (known: ${CHECKS.join(', ')})`);
    process.exit(2);
  }
  const message = missingPrerequisites(args.length ? (args as Check[]) : CHECKS);
  if (message) {
    console.error(message);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) main(process.argv.slice(2));

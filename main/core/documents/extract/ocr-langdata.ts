import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * The trained data OCR recognises with, in tesseract's `+` order: Simplified Chinese, Traditional Chinese, English.
 * Measured on page 8 of the Simplified maint-guide (fixtures/search; a 150 dpi scan, 2 loaded cores):
 * chi_sim+eng 96.8 % in 4.9 s, chi_sim+chi_tra+eng 96.6 % in 6.2 s, chi_sim alone 95.4 % in 2.6 s (it reads Latin
 * words worse). Traditional is kept although it costs time: the library's users keep documents from Taiwan and Hong
 * Kong, and chi_sim reads Traditional-only characters poorly.
 */
export const OCR_LANGUAGES = ['chi_sim', 'chi_tra', 'eng'] as const;

/**
 * Which of the two models each `@tesseract.js-data/<lang>` package ships is used: `4.0.0` (tessdata: the LSTM model
 * with the legacy engine's data, 2–3× larger) or `4.0.0_best_int` (tessdata_best, LSTM only, integer). Measured
 * with the three languages loaded (page 8 of the maint-guide, RSS of the process after the worker started, time of
 * a second recognition): all `4.0.0` 566 MB, 96.6 %, 10.5 s; all `best_int` 215 MB, 95.8 %, 22.6 s; chi_sim `4.0.0`
 * with chi_tra and eng `best_int` 334 MB, 96.9 %, 9.8 s. The last is used: as accurate and fast as the largest and
 * ~230 MB smaller, which keeps an extraction thread with OCR within the indexing budget (500 MB,
 * tests/bench/library-bench.ts).
 */
export const OCR_MODELS: Readonly<Record<OcrLanguage, '4.0.0' | '4.0.0_best_int'>> = {
  chi_sim: '4.0.0',
  chi_tra: '4.0.0_best_int',
  eng: '4.0.0_best_int',
};

/** One of the trained data files OCR needs. */
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** Name of a language's file in a language folder: tesseract.js reads `<langPath>/<lang>.traineddata.gz`. */
export function langFileName(lang: OcrLanguage): string {
  return `${lang}.traineddata.gz`;
}

/** True when `dir` holds the file of every language in OCR_LANGUAGES. */
export function isLangFolder(dir: string): boolean {
  return OCR_LANGUAGES.every((l) => fs.existsSync(path.join(dir, langFileName(l))));
}

/**
 * Where each language's file is installed from the npm registry:
 * `@tesseract.js-data/<lang>/<OCR_MODELS[lang]>/<lang>.traineddata.gz` (the packages' layout).
 *
 * @throws Error naming the missing package when one is not installed
 */
export function packagedLangFiles(): Record<OcrLanguage, string> {
  const req = createRequire(__filename);
  const out = {} as Record<OcrLanguage, string>;
  for (const lang of OCR_LANGUAGES) {
    let pkg: string;
    try {
      pkg = req.resolve(`@tesseract.js-data/${lang}/package.json`);
    } catch {
      throw new Error(`OCR trained data missing: install @tesseract.js-data/${lang}`);
    }
    const file = path.join(path.dirname(pkg), OCR_MODELS[lang], langFileName(lang));
    if (!fs.existsSync(file)) throw new Error(`OCR trained data missing: ${file}`);
    out[lang] = file;
  }
  return out;
}

let resolved: string | undefined;

/**
 * The ONE folder holding every language's `.traineddata.gz`, which is passed to tesseract.js as `langPath` (a local
 * path: tesseract.js then reads the files with fs and never fetches; without `langPath` it would download from a
 * CDN): `findLangPath` for this process, kept once found.
 *
 * @throws Error when the data is not installed
 */
export function ocrLangPath(): string {
  resolved ??= findLangPath({
    env: process.env.WELLSPRING_TESSDATA,
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
  });
  return resolved;
}

/**
 * Where the language folder is, in order:
 *
 * 1. `env` (WELLSPRING_TESSDATA), when it holds every language: an installation that keeps the data elsewhere;
 * 2. `<resourcesPath>/tessdata` in a packaged app: electron-builder.yml copies the three files there
 *    (extraResources), outside the asar archive, so that tesseract's worker thread reads them with plain fs;
 * 3. from source and from an electron-vite build in `out/` (tests, CLI, `npm start`): the npm packages' files
 *    (`packagedLangFiles`), which sit in three folders, linked (hard link, else symbolic link, else copied) into one
 *    folder under `tmp` (default the OS temp directory), named by a hash of their paths and sizes so that another
 *    checkout or version gets its own: `<tmp>/wellspring-tessdata-<hash>/`. Nothing is written beside the
 *    workspace or the working directory.
 *
 * @throws Error when the data is not installed
 */
export function findLangPath(where: { env?: string; resourcesPath?: string; tmp?: string }): string {
  if (where.env && isLangFolder(where.env)) return where.env;
  if (where.resourcesPath && isLangFolder(path.join(where.resourcesPath, 'tessdata'))) {
    return path.join(where.resourcesPath, 'tessdata');
  }
  return linkedLangFolder(packagedLangFiles(), where.tmp ?? os.tmpdir());
}

function linkedLangFolder(files: Record<OcrLanguage, string>, tmp: string): string {
  const hash = createHash('sha256');
  for (const lang of OCR_LANGUAGES) hash.update(`${files[lang]}\0${fs.statSync(files[lang]).size}\0`);
  const dir = path.join(tmp, `wellspring-tessdata-${hash.digest('hex').slice(0, 16)}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of OCR_LANGUAGES) {
    const target = path.join(dir, langFileName(lang));
    if (fs.existsSync(target) && fs.statSync(target).size === fs.statSync(files[lang]).size) continue;
    fs.rmSync(target, { force: true });
    // Another process may link the same file at the same moment: EEXIST is then as good as done.
    const tries: Array<() => void> = [
      () => fs.linkSync(files[lang], target),
      () => fs.symlinkSync(files[lang], target, 'file'),
      () => fs.copyFileSync(files[lang], target),
    ];
    let done = false;
    for (const attempt of tries) {
      try {
        attempt();
        done = true;
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          done = true;
          break;
        }
      }
    }
    if (!done) throw new Error(`OCR trained data: cannot place ${langFileName(lang)} in ${dir}`);
  }
  return dir;
}

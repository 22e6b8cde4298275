import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

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
 * tests/bench/library-bench.ts). chi_sim 4.0.0 is then read in its LSTM-only form (`lstmOnlyLangFolder`): its
 * 40 MB of legacy classifier data were only ever copied, never used.
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
  const tmp = where.tmp ?? os.tmpdir();
  if (where.env && isLangFolder(where.env)) return lstmOnlyLangFolder(where.env, tmp);
  if (where.resourcesPath && isLangFolder(path.join(where.resourcesPath, 'tessdata'))) {
    return lstmOnlyLangFolder(path.join(where.resourcesPath, 'tessdata'), tmp);
  }
  return lstmOnlyLangFolder(linkedLangFolder(packagedLangFiles(), tmp), tmp);
}

/**
 * Components of a `.traineddata` file (tesseract's TessdataType, ccutil/tessdatamanager.h) the LSTM engine reads:
 * 0 config, 1 unicharset (the LSTM's own in 4.0.0 files, which have no lstm-unicharset), 17 lstm, 18–20 the lstm
 * punctuation, word and number dictionaries, 21 lstm-unicharset, 22 lstm-recoder, 23 version. The others (2–16:
 * ambigs, the legacy classifier's inttemp/pffmtable/normproto and shape table, the legacy dictionaries, the params
 * model) are the legacy engine's, which tesseract.js's LSTM-only build never uses.
 */
export const LSTM_COMPONENTS: ReadonlySet<number> = new Set([0, 1, 17, 18, 19, 20, 21, 22, 23]);

/**
 * The LSTM-only form of a `.traineddata` file (uncompressed bytes): the same header (an int32 count, then one int64
 * offset per component, −1 for absent; little-endian), with only LSTM_COMPONENTS kept; null when it holds nothing
 * else. tesseract reads a whole file into memory before it picks the components it needs, and tesseract.js keeps a
 * copy in its in-memory file system: chi_sim 4.0.0 is 44.4 MB, 40 MB of it the legacy classifier (inttemp), and its
 * LSTM-only form is 2.7 MB. Measured (the engine alone, page 8 of the maint-guide then page 1 of raw_text.pdf at
 * 150 dpi, twice): peak RSS 342 instead of 411 MB, accuracy unchanged (96.9 %, 99.9 %), Chinese 8.3 instead of
 * 9.4–14.5 s a page.
 *
 * @throws Error when the header is not a traineddata header (a count outside 1–64 or an offset past the end)
 */
export function lstmOnlyTraineddata(data: Buffer): Buffer | null {
  const count = data.length >= 4 ? data.readInt32LE(0) : 0;
  const head = 4 + 8 * count;
  if (count < 1 || count > 64 || head > data.length) throw new Error('not a traineddata file (bad header)');
  const offsets = Array.from({ length: count }, (_, i) => Number(data.readBigInt64LE(4 + 8 * i)));
  if (offsets.some((o) => o > data.length || (o < head && o !== -1))) {
    throw new Error('not a traineddata file (bad offset)');
  }
  if (offsets.every((o, i) => o === -1 || LSTM_COMPONENTS.has(i))) return null;
  // A component runs from its offset to the next larger one (or the end of the file).
  const ends = offsets.map((o) => (o === -1 ? -1 : Math.min(data.length, ...offsets.filter((x) => x > o))));
  const kept = offsets.map((o, i) => (o !== -1 && LSTM_COMPONENTS.has(i) ? data.subarray(o, ends[i]) : null));
  const out = Buffer.alloc(head + kept.reduce((sum, k) => sum + (k?.length ?? 0), 0));
  out.writeInt32LE(count, 0);
  let pos = head;
  kept.forEach((k, i) => {
    out.writeBigInt64LE(BigInt(k ? pos : -1), 4 + 8 * i);
    if (k) pos += k.copy(out, pos);
  });
  return out;
}

/**
 * `dir` itself when none of its languages holds legacy components, else a folder under `tmp` with each language
 * in its LSTM-only form (`lstmOnlyTraineddata`, gzipped again; the others linked or copied):
 * `<tmp>/wellspring-tessdata-lstm-<hash>/`, the hash of the source files' paths, sizes and modification times, so it
 * is written once (about 1 s) and found again by its name. Files are written under a temporary name and renamed, so
 * a second process never reads half a file.
 *
 * @throws Error when a file cannot be read or is not traineddata, or the folder cannot be written
 */
export function lstmOnlyLangFolder(dir: string, tmp: string): string {
  const sources = OCR_LANGUAGES.map((lang) => path.join(dir, langFileName(lang)));
  const hash = createHash('sha256');
  for (const f of sources) {
    const st = fs.statSync(f);
    hash.update(`${fs.realpathSync(f)}\0${st.size}\0${st.mtimeMs}\0`);
  }
  const out = path.join(tmp, `wellspring-tessdata-lstm-${hash.digest('hex').slice(0, 16)}`);
  if (isLangFolder(out)) return out;
  const stripped = sources.map((f) => lstmOnlyTraineddata(zlib.gunzipSync(fs.readFileSync(f))));
  if (stripped.every((s) => s === null)) return dir;
  fs.mkdirSync(out, { recursive: true });
  OCR_LANGUAGES.forEach((lang, i) => {
    const target = path.join(out, langFileName(lang));
    const part = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
    const data = stripped[i];
    if (data) fs.writeFileSync(part, zlib.gzipSync(data));
    else fs.copyFileSync(sources[i]!, part);
    fs.renameSync(part, target);
  });
  return out;
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

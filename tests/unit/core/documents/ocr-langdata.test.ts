import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  OCR_LANGUAGES,
  findLangPath,
  isLangFolder,
  langFileName,
  LSTM_COMPONENTS,
  lstmOnlyTraineddata,
  packagedLangFiles,
} from '../../../../main/core/documents/extract/ocr-langdata';
import { tempDir } from '../../helpers';

const REPO = path.resolve(__dirname, '../../../..');

describe('OCR language folder', () => {
  it('from source: links the npm packages’ files into one folder under the temp directory, once, LSTM-only', () => {
    const tmp = tempDir();
    const dir = findLangPath({ tmp });
    expect(path.dirname(dir)).toBe(tmp);
    expect(path.basename(dir)).toMatch(/^wellspring-tessdata-lstm-[0-9a-f]{16}$/);
    const files = packagedLangFiles();
    for (const lang of OCR_LANGUAGES) {
      const file = path.join(dir, langFileName(lang));
      expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
      const original = gunzipSync(fs.readFileSync(files[lang]));
      const lstm = gunzipSync(fs.readFileSync(file));
      // Every LSTM component is there byte for byte; the legacy engine's are gone (chi_sim 4.0.0 has them).
      const parts = (b: Buffer) => {
        const n = b.readInt32LE(0);
        const offs = Array.from({ length: n }, (_, k) => Number(b.readBigInt64LE(4 + 8 * k)));
        return offs.map((o) =>
          o < 0 ? null : b.subarray(o, Math.min(b.length, ...offs.filter((x) => x > o))),
        );
      };
      const [a, b] = [parts(original), parts(lstm)];
      a.forEach((part, k) => {
        if (LSTM_COMPONENTS.has(k)) expect(b[k]?.equals(part ?? Buffer.alloc(0)) ?? part === null).toBe(true);
        else expect(b[k]).toBeNull();
      });
      if (lang === 'chi_sim') expect(lstm.length).toBeLessThan(original.length / 10);
      else expect(lstm.length).toBe(original.length);
    }
    expect(findLangPath({ tmp })).toBe(dir);
    // The linked folder and the LSTM-only one.
    expect(fs.readdirSync(tmp).sort()).toEqual(
      [path.basename(dir), expect.stringMatching(/^wellspring-tessdata-[0-9a-f]{16}$/)].sort(),
    );
  });

  it('refuses a file that is not traineddata and leaves an LSTM-only one as it is', () => {
    expect(() => lstmOnlyTraineddata(Buffer.from('not a model at all'))).toThrow(/not a traineddata/);
    const eng = gunzipSync(fs.readFileSync(packagedLangFiles().eng));
    expect(lstmOnlyTraineddata(eng)).toBeNull();
  });

  it('in a packaged app: <resources>/tessdata; WELLSPRING_TESSDATA first when complete', () => {
    const resources = tempDir();
    const tessdata = path.join(resources, 'tessdata');
    fs.mkdirSync(tessdata);
    const files = packagedLangFiles();
    for (const lang of OCR_LANGUAGES) fs.symlinkSync(files[lang], path.join(tessdata, langFileName(lang)));
    expect(isLangFolder(tessdata)).toBe(true);
    const tmp = tempDir();
    // The folder's chi_sim holds legacy data: its LSTM-only form is read, from a folder made once under tmp.
    const fromResources = findLangPath({ resourcesPath: resources, tmp });
    expect(fromResources).toMatch(/wellspring-tessdata-lstm-/);
    expect(findLangPath({ env: tessdata, resourcesPath: '/nowhere', tmp })).toBe(fromResources);
    // An incomplete folder is passed over.
    fs.rmSync(path.join(tessdata, langFileName('chi_tra')));
    expect(findLangPath({ env: tessdata, resourcesPath: resources, tmp })).toMatch(
      /wellspring-tessdata-lstm-/,
    );
    // The LSTM-only folder from <resources>, the linked npm files and their LSTM-only folder.
    expect(fs.readdirSync(tmp)).toHaveLength(3);
  });

  it('electron-builder ships the three files as <resources>/tessdata and tesseract.js outside the asar archive', () => {
    // Read as text (no YAML parser among the dependencies): the entries as electron-builder.yml writes them.
    const yml = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
    const entries = [
      ...yml.matchAll(/- from: (\S+)\n\s+to: tessdata\n\s+filter: \['\*\.traineddata\.gz'\]/g),
    ].map((m) => path.resolve(REPO, m[1]!));
    const files = packagedLangFiles();
    // Each copies from the folder where the installed package keeps the file.
    expect(entries.sort()).toEqual(OCR_LANGUAGES.map((lang) => path.dirname(files[lang])).sort());
    const list = (key: string): string[] =>
      [
        ...(new RegExp(`^${key}:\\n((?:  .*\\n)+)`, 'm').exec(yml)?.[1] ?? '').matchAll(
          /^ {2}- '?([^'\n]+)'?$/gm,
        ),
      ].map((m) => m[1]!);
    expect(list('asarUnpack')).toEqual(
      expect.arrayContaining(['node_modules/tesseract.js/**', 'node_modules/tesseract.js-core/**']),
    );
    expect(list('files')).toContain('!node_modules/@tesseract.js-data/**');
  });
});

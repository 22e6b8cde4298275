import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  OCR_LANGUAGES,
  findLangPath,
  isLangFolder,
  langFileName,
  packagedLangFiles,
} from '../../../../main/core/documents/extract/ocr-langdata';
import { tempDir } from '../../helpers';

const REPO = path.resolve(__dirname, '../../../..');

describe('OCR language folder', () => {
  it('from source: links the npm packages’ files into one folder under the temp directory, once', () => {
    const tmp = tempDir();
    const dir = findLangPath({ tmp });
    expect(path.dirname(dir)).toBe(tmp);
    expect(path.basename(dir)).toMatch(/^wellspring-tessdata-[0-9a-f]{16}$/);
    const files = packagedLangFiles();
    for (const lang of OCR_LANGUAGES) {
      const linked = path.join(dir, langFileName(lang));
      expect(fs.statSync(linked).size).toBe(fs.statSync(files[lang]).size);
      expect(fs.readFileSync(linked).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
    }
    expect(findLangPath({ tmp })).toBe(dir);
    expect(fs.readdirSync(tmp)).toEqual([path.basename(dir)]);
  });

  it('in a packaged app: <resources>/tessdata; WELLSPRING_TESSDATA first when complete', () => {
    const resources = tempDir();
    const tessdata = path.join(resources, 'tessdata');
    fs.mkdirSync(tessdata);
    const files = packagedLangFiles();
    for (const lang of OCR_LANGUAGES) fs.symlinkSync(files[lang], path.join(tessdata, langFileName(lang)));
    expect(isLangFolder(tessdata)).toBe(true);
    const tmp = tempDir();
    expect(findLangPath({ resourcesPath: resources, tmp })).toBe(tessdata);
    expect(findLangPath({ env: tessdata, resourcesPath: '/nowhere', tmp })).toBe(tessdata);
    // An incomplete folder is passed over.
    fs.rmSync(path.join(tessdata, langFileName('chi_tra')));
    expect(findLangPath({ env: tessdata, resourcesPath: resources, tmp })).toMatch(/wellspring-tessdata-/);
    expect(fs.readdirSync(tmp)).toHaveLength(1);
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

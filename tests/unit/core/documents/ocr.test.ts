import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractFile } from '../../../../main/core/documents/extract';
import { imageKind, imageSize } from '../../../../main/core/documents/extract/image';
import {
  OcrEngine,
  isReadable,
  removeCjkSpaces,
  workerOptions,
} from '../../../../main/core/documents/extract/ocr';
import {
  OCR_LANGUAGES,
  isLangFolder,
  langFileName,
  ocrLangPath,
} from '../../../../main/core/documents/extract/ocr-langdata';
import { reasonOf } from '../../../../main/core/documents/reasons';
import { charAccuracy, imageOnlyPdf, renderPdfPages } from '../../../bench/ocr-testset';
import { fixture, tempDir } from '../../helpers';

// OCR on real pages: fixtures/ocr (an image-only PDF of page 8 of the Simplified Debian maint-guide, a bilevel TIFF
// of page 1 of textract's raw_text.pdf; see fixtures/ocr/README.md), measured against the originals' text layers.
// One engine for the file: creating it loads the trained data (~1–2 s).
const engine = new OcrEngine(ocrLangPath());
afterAll(() => engine.terminate());

/** A PNG of `width` × `height` pixels, 1-bit grey, every pixel `white` or black (filter byte 0 per row). */
function bilevelPng(width: number, height: number, white = true): Buffer {
  const row = Buffer.alloc(1 + Math.ceil(width / 8), white ? 0xff : 0);
  row[0] = 0;
  const crc = (buf: Buffer): number => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  // Compressed row by row into one stream: the 20,000 × 20,000 image is 50 MB of rows but ~50 KB of PNG.
  const rows = Buffer.concat(Array.from({ length: Math.min(height, 64) }, () => row));
  const parts: Buffer[] = [];
  for (let y = 0; y < height; y += 64) parts.push(rows.subarray(0, Math.min(64, height - y) * row.length));
  const idat = deflateSync(Buffer.concat(parts));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('OCR text clean-up', () => {
  it('removes the spaces tesseract puts between Chinese characters and next to punctuation, not before Latin words', () => {
    // Lines tesseract 5 (chi_sim+chi_tra+eng) read from page 8 of the maint-guide, and the page's text layer.
    expect(removeCjkSpaces('Debian 新 维 护 者 手 册')).toBe('Debian 新维护者手册');
    expect(
      removeCjkSpaces(
        '“ Debian 并 不 是 一 所 学 校 , 在 这 里 没 有 所 谓 的 老 师 会 自 动 地 注 意 到 你 。',
      ),
    ).toBe('“ Debian 并不是一所学校,在这里没有所谓的老师会自动地注意到你。');
    expect(removeCjkSpaces('“ Upstream author ( 上 游 作 者 ): 程 序 的 原 始 作 者')).toBe(
      '“ Upstream author (上游作者):程序的原始作者',
    );
    expect(
      removeCjkSpaces('Debian Developer (DD, Debian 开 发 者 ): Debian 社 区 的 官 方 成 员 。DD 拥 有'),
    ).toBe('Debian Developer (DD, Debian 开发者): Debian 社区的官方成员。DD 拥有');
    // English is left alone, line breaks too.
    expect(removeCjkSpaces('I love word documents.\nThey are lovely.')).toBe(
      'I love word documents.\nThey are lovely.',
    );
    expect(removeCjkSpaces('软 件\n包')).toBe('软件\n包');
  });

  it('counts a page readable from 3 letters or digits at confidence 50', () => {
    expect(isReadable('Lorem ipsum', 91)).toBe(true);
    expect(isReadable('Lorem ipsum', 49)).toBe(false);
    expect(isReadable('|.', 95)).toBe(false);
    expect(isReadable('软件包', 60)).toBe(true);
  });
});

describe('image headers', () => {
  it('reads the size of real PNG, JPEG and TIFF images without decoding them', async () => {
    const [page] = await renderPdfPages(fixture('documents/textract/raw_text.pdf'), [1], 100);
    expect(imageKind(page!.png)).toBe('png');
    expect(imageSize(page!.png, 'png')).toEqual({ width: page!.width, height: page!.height });
    const canvas = createCanvas(321, 123);
    const jpeg = canvas.toBuffer('image/jpeg');
    expect(imageKind(jpeg)).toBe('jpeg');
    expect(imageSize(jpeg, 'jpeg')).toEqual({ width: 321, height: 123 });
    const tiff = fs.readFileSync(fixture('ocr/raw_text-p1.tiff'));
    expect(imageKind(tiff)).toBe('tiff');
    // raw_text.pdf is US Letter (612 × 792 pt), rendered at 150 dpi.
    expect(imageSize(tiff, 'tiff')).toEqual({ width: 1275, height: 1650 });
    expect(imageSize(page!.png.subarray(0, 20), 'png')).toBeNull();
  });
});

describe('OCR of images and scanned PDFs', () => {
  it('reads a scanned Simplified Chinese page (image-only PDF) at ≥ 95 % of its original text, marked OCR', async () => {
    const [original] = await renderPdfPages(fixture('search/maint-guide.zh-cn.pdf'), [8], 72);
    const r = await extractFile(fixture('ocr/maint-guide-p8.scan.pdf'), { ocr: engine });
    expect(r.status).toBe('indexed');
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]).toMatchObject({ page: 1, ocr: true });
    const text = r.pages[0]!.text;
    expect(charAccuracy(original!.text, text)).toBeGreaterThanOrEqual(0.95);
    expect(text).toContain('赞助者');
    expect(text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    // Without OCR the same file has no text layer.
    const off = await extractFile(fixture('ocr/maint-guide-p8.scan.pdf'));
    expect(off).toMatchObject({
      status: 'no-text',
      error: 'maint-guide-p8.scan.pdf: no text layer (scanned?)',
    });
  });

  it('reads an English TIFF scan at ≥ 98 % of its original text', async () => {
    const [original] = await renderPdfPages(fixture('documents/textract/raw_text.pdf'), [1], 72);
    const r = await extractFile(fixture('ocr/raw_text-p1.tiff'), { ocr: engine });
    expect(r).toMatchObject({ status: 'indexed', mime: 'image/tiff', pageCount: 1 });
    expect(r.pages[0]!.ocr).toBe(true);
    expect(charAccuracy(original!.text, r.pages[0]!.text)).toBeGreaterThanOrEqual(0.98);
    const off = await extractFile(fixture('ocr/raw_text-p1.tiff'), { ocr: false });
    expect(off).toMatchObject({ status: 'no-text', pages: [] });
    expect(reasonOf(off.error)?.key).toBe('library:reasons.imageOcrOff');
  });

  it('gives a corrupt image, an oversized one and an unreadable page a status and a reason', async () => {
    const dir = tempDir();
    const [page] = await renderPdfPages(fixture('documents/textract/raw_text.pdf'), [1], 100);
    // A real PNG whose compressed pixels are overwritten after the header.
    const corrupt = Buffer.from(page!.png);
    corrupt.fill(0x5a, 64, Math.min(corrupt.length, 4096));
    fs.writeFileSync(path.join(dir, 'corrupt.png'), corrupt);
    const bad = await extractFile(path.join(dir, 'corrupt.png'), { ocr: engine });
    expect(bad).toMatchObject({ status: 'failed', error: 'corrupt.png: damaged image (cannot be decoded)' });
    expect(reasonOf(bad.error)?.key).toBe('library:reasons.imageUndecodable');

    // 20,000 × 20,000: refused from its header, never decoded (the engine is not even asked).
    fs.writeFileSync(path.join(dir, 'huge.png'), bilevelPng(20_000, 20_000));
    const spy = { recognize: vi.fn() } as unknown as OcrEngine;
    const huge = await extractFile(path.join(dir, 'huge.png'), { ocr: spy });
    expect(huge).toMatchObject({
      status: 'unsupported',
      error: 'huge.png: image too large (20,000 × 20,000 pixels, over 40 megapixels)',
    });
    expect(spy.recognize).not.toHaveBeenCalled();
    expect(reasonOf(huge.error)).toMatchObject({
      key: 'library:reasons.imageTooLarge',
      params: { size: '20,000 × 20,000', limit: '40' },
    });

    // A blank page: nothing to read, as an image and as a scanned PDF page.
    const blank = bilevelPng(850, 1100);
    fs.writeFileSync(path.join(dir, 'blank.png'), blank);
    const empty = await extractFile(path.join(dir, 'blank.png'), { ocr: engine });
    expect(empty).toMatchObject({ status: 'no-text', error: 'blank.png: OCR could not read the image' });
    expect(reasonOf(empty.error)?.key).toBe('library:reasons.ocrImageUnreadable');
    fs.writeFileSync(
      path.join(dir, 'blank.pdf'),
      imageOnlyPdf([{ png: blank, widthPt: 612, heightPt: 792 }, page!]),
    );
    const half = await extractFile(path.join(dir, 'blank.pdf'), { ocr: engine });
    expect(half).toMatchObject({
      status: 'indexed',
      ocrUnreadable: [1],
      error: 'blank.pdf: OCR could not read 1 of 2 pages (page 1)',
    });
    expect(half.pages.map((p) => p.page)).toEqual([2]);
    expect(reasonOf(half.error)?.key).toBe('library:reasons.ocrPageUnreadable');
    fs.writeFileSync(
      path.join(dir, 'blank-only.pdf'),
      imageOnlyPdf([{ png: blank, widthPt: 612, heightPt: 792 }]),
    );
    const none = await extractFile(path.join(dir, 'blank-only.pdf'), { ocr: engine });
    expect(none).toMatchObject({
      status: 'no-text',
      error: 'blank-only.pdf: no text layer, and OCR could not read it',
    });
    expect(reasonOf(none.error)?.key).toBe('library:reasons.ocrUnreadable');
  });
});

describe('OCR engine', () => {
  it('ends its tesseract worker when it has had nothing to read for idleMs, and starts again when asked', async () => {
    const idle = new OcrEngine(ocrLangPath(), 100);
    try {
      expect(idle.running).toBe(false);
      const blank = bilevelPng(200, 100);
      expect(await idle.recognize(blank)).toMatchObject({ text: '', readable: false });
      expect(idle.running).toBe(true);
      await new Promise((r) => setTimeout(r, 400));
      expect(idle.running).toBe(false);
      expect((await idle.recognize(blank)).readable).toBe(false);
      expect(idle.running).toBe(true);
    } finally {
      await idle.terminate();
    }
  });
});

describe('OCR trained data, offline', () => {
  it('passes one local folder holding every language as langPath, with cacheMethod none', () => {
    const dir = ocrLangPath();
    expect(path.isAbsolute(dir)).toBe(true);
    expect(isLangFolder(dir)).toBe(true);
    for (const lang of OCR_LANGUAGES)
      expect(fs.statSync(path.join(dir, langFileName(lang))).size).toBeGreaterThan(1e6);
    expect(workerOptions(dir)).toMatchObject({ langPath: dir, cacheMethod: 'none', gzip: true });
    expect(OCR_LANGUAGES).toEqual(['chi_sim', 'chi_tra', 'eng']);
  });

  it('recognises with every network call refused, writing nothing into the working directory', () => {
    // A child process whose threads (tesseract's worker too: workers inherit execArgv) refuse fetch, http(s) and
    // sockets and log each attempt, run in an empty working directory.
    const cwd = tempDir();
    const guard = path.join(cwd, '..', `no-network-${process.pid}.mjs`);
    fs.writeFileSync(
      guard,
      `import fs from 'node:fs'; import http from 'node:http'; import https from 'node:https'; import net from 'node:net';
       // fs.writeSync: a worker thread's process.stderr goes through the main thread and may be lost.
       const refuse = (what) => () => { fs.writeSync(2, 'NETWORK ' + what + '\\n'); throw new Error('network refused: ' + what); };
       globalThis.fetch = async (u) => refuse('fetch ' + u)();
       http.request = http.get = refuse('http'); https.request = https.get = refuse('https');
       net.connect = net.createConnection = refuse('net');`,
    );
    const script = (langPath: string): string => `
      const { OcrEngine } = require(${JSON.stringify(path.resolve(__dirname, '../../../../main/core/documents/extract/ocr.ts'))});
      const { ocrLangPath } = require(${JSON.stringify(path.resolve(__dirname, '../../../../main/core/documents/extract/ocr-langdata.ts'))});
      const fs = require('node:fs');
      const e = new OcrEngine(${langPath === 'default' ? 'ocrLangPath()' : JSON.stringify(langPath)});
      e.recognize(fs.readFileSync(${JSON.stringify(fixture('ocr/raw_text-p1.tiff'))}))
        .then((r) => { console.log(JSON.stringify(r)); return e.terminate(); })
        .catch((err) => { console.error('FAILED', err); process.exit(1); });`;
    try {
      // tsx's loader by its path: the working directory has no node_modules.
      const tsx = pathToFileURL(path.resolve(__dirname, '../../../../node_modules/tsx/dist/loader.mjs')).href;
      const child = (langPath: string) =>
        spawnSync(process.execPath, ['--import', tsx, '--import', guard, '-e', script(langPath)], {
          cwd,
          encoding: 'utf8',
          timeout: 120_000,
        });
      // The guard bites: without a langPath tesseract.js goes to its CDN, and is refused.
      const control = child('');
      expect(control.status).toBe(1);
      expect(control.stderr).toMatch(
        /NETWORK fetch https:\/\/cdn\.jsdelivr\.net\/npm\/@tesseract\.js-data\/chi_sim/,
      );
      const run = child('default');
      expect(run.stderr).not.toMatch(/NETWORK/);
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as { text: string; readable: boolean };
      expect(out.readable).toBe(true);
      expect(out.text).toContain('I love word documents');
      expect(fs.readdirSync(cwd)).toEqual([]);
    } finally {
      fs.rmSync(guard, { force: true });
    }
  });
});

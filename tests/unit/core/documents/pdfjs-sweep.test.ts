import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../../soak/pdfjs-sweep';
import { fixture } from '../../helpers';

// The short version of the pdf.js corpus sweep (tests/soak/pdfjs-sweep.soak.ts sweeps all 971 files of
// ../shared/corpus/pdfjs-all, which a clean clone lacks, so the soak skips there). These ten of the nastiest files
// are copied into fixtures/ (fixtures/documents/ATTRIBUTION.md: pdf.js test suite, pdf-parse), so this runs in CI:
// a corrupt file, a non-ASCII user password, an empty user password, a page tree that points at itself, a missing
// xref, a damaged "hello world", a Type3 font whose content stream cycles, an operator list that cycles (no text:
// OCR), a broken file from the pdf.js bug tracker and bad page labels. They go through the real library service in
// a child process (pdfjs-sweep.ts), as the app indexes a folder: each ends with a status and, unless indexed
// cleanly, a reason; the app process neither crashes nor stops making progress.
const FILES: Record<string, { status: string; errorKey: string | null }> = {
  'pdf-parse/03-invalid.pdf': { status: 'failed', errorKey: 'library:reasons.invalidPdf' },
  'pdfjs/issue6010_2.pdf': { status: 'needs-password', errorKey: 'library:reasons.passwordRequired' },
  'pdfjs/issue9972-1.pdf': { status: 'indexed', errorKey: null },
  'pdfjs/Pages-tree-refs.pdf': { status: 'indexed', errorKey: 'library:reasons.pageUnreadable' },
  'pdfjs-sweep/xref_command_missing.pdf': { status: 'indexed', errorKey: null },
  'pdfjs-sweep/helloworld-bad.pdf': { status: 'indexed', errorKey: null },
  'pdfjs-sweep/ContentStreamCycleType3insideType3.pdf': { status: 'indexed', errorKey: null },
  'pdfjs-sweep/operator_list_cycle.pdf': { status: 'no-text', errorKey: 'library:reasons.ocrUnreadable' },
  'pdfjs-sweep/pdfjsbad1586.pdf': { status: 'indexed', errorKey: null },
  'pdfjs-sweep/bad-PageLabels.pdf': { status: 'indexed', errorKey: null },
};

describe('pdf.js sweep, short version (ten of the nastiest files)', () => {
  it('gives every file a status and a reason, with no crash and no hang', async () => {
    const files = Object.keys(FILES).map((f) => fixture(path.join('documents', f)));
    const r = await runSweep({ files, hangMs: 120_000 });
    expect(r.hangs).toEqual([]);
    expect(r.crashes).toEqual([]);
    const got = Object.fromEntries(r.docs.map((d) => [d.name, { status: d.status, errorKey: d.errorKey }]));
    expect(got).toEqual(
      Object.fromEntries(Object.entries(FILES).map(([f, want]) => [path.basename(f), want])),
    );
    for (const d of r.docs)
      if (d.errorKey) expect(d.error).toMatch(new RegExp(`^${d.name.replace('.', '\\.')}: `));
  }, 300_000);
});

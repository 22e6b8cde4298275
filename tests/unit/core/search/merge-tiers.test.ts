import fs from 'node:fs';
import OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { mergeHits, tierRank } from '../../../../main/core/search/expanded-search';
import { planSearch } from '../../../../main/core/search/script-variants';
import { SearchIndex } from '../../../../main/core/search/search-index';
import {
  MAINT_GUIDE_TEXT,
  chunkText,
  groupDocuments,
  oracleForm,
  oracleQuery,
  oracleTogether,
} from './quality-oracle';

/**
 * mergeHits keeps document-level matching's order across the original query and its alternatives: on one index,
 * the Simplified maint-guide (fixtures/search; GPL-2+, see ATTRIBUTION.md there) cut into documents of 5 chunks
 * (docIds 1…), and the Taiwan Traditional form (opencc-js `cn → twp`: 软件 → 軟體, 文件 → 檔案) of every other one
 * of them (docIds 1001…). A Simplified query finds the Simplified documents itself and the Traditional ones through
 * its converted forms (planSearch), each with the tier of how close its terms lie; the oracle gives the tiers by
 * brute force on the pages, for the form that found each document.
 */

const QUERIES = [
  '软件 开发',
  '上游 补丁',
  '维护者 邮件列表',
  'debian/rules 文件',
  '打包 上传',
  'C++ 编译',
  '软件包 文档',
];

describe('mergeHits: tiers across the original query and its script forms (maint-guide)', () => {
  it('orders by tier (page, near, apart), then original before alternatives, then score', () => {
    const toTw = OpenCC.Converter({ from: 'cn', to: 'twp' });
    const docs = groupDocuments(chunkText(fs.readFileSync(MAINT_GUIDE_TEXT!, 'utf8')), 5);
    const pagesOf = new Map<number, string[]>();
    docs.forEach((pages, i) => {
      pagesOf.set(i + 1, pages);
      if (i % 2 === 0) pagesOf.set(1001 + i, pages.map(toTw));
    });
    const ix = new SearchIndex();
    let chunkId = 0;
    for (const [docId, pages] of pagesOf)
      pages.forEach((text, p) => ix.addChunk({ chunkId: chunkId++, docId, page: p + 1, text }));
    const options = { limit: pagesOf.size, pagesPerDoc: 2, nodeLimit: 0 };
    const lines: string[] = [];
    let promoted = 0;
    let extras = 0;
    for (const query of QUERIES) {
      const plan = planSearch(query, { glossary: null, convertScript: true });
      expect(plan.alternatives.length, query).toBeGreaterThan(0);
      const base = ix.search(query, options).docs;
      const alternatives = plan.alternatives.map((a) => ({
        forms: a.forms,
        hits: ix.search(a.query, options).docs,
      }));
      const { hits, extra } = mergeHits(
        { forms: [query], hits: base },
        alternatives,
        (d) => d.docId,
        pagesOf.size,
      );
      const baseIds = new Set(base.map((d) => d.docId));
      expect(hits.length, query).toBe(base.length + extra);
      extras += extra;
      for (const h of hits) {
        // The tier each hit carries is the oracle's for the form that found it.
        const form = baseIds.has(h.docId) ? query : h.matchedForms[0]!;
        const pages = pagesOf.get(h.docId)!.map(oracleForm);
        expect(h.together ?? null, `${query}: ${h.docId} by ${form}`).toBe(
          oracleTogether(oracleQuery(form), pages),
        );
      }
      for (let i = 1; i < hits.length; i++) {
        const [a, b] = [hits[i - 1]!, hits[i]!];
        expect(tierRank(a), `${query}: tier order at ${i}`).toBeLessThanOrEqual(tierRank(b));
        if (tierRank(a) !== tierRank(b)) continue;
        // Within a tier: the original's hits first, in its order; then the others by score.
        const [fromBase, nextFromBase] = [baseIds.has(a.docId), baseIds.has(b.docId)];
        expect(!fromBase && nextFromBase, `${query}: original first within a tier at ${i}`).toBe(false);
        if (fromBase && nextFromBase)
          expect(base.findIndex((d) => d.docId === a.docId)).toBeLessThan(
            base.findIndex((d) => d.docId === b.docId),
          );
        if (!fromBase && !nextFromBase)
          expect(a.score, `${query}: score at ${i}`).toBeGreaterThanOrEqual(b.score);
      }
      // What this changes: alternatives' hits ranked above original hits of a lower tier.
      const firstWeakBase = hits.findIndex((h) => baseIds.has(h.docId) && tierRank(h) > 0);
      const above =
        firstWeakBase < 0 ? 0 : hits.slice(0, firstWeakBase).filter((h) => !baseIds.has(h.docId)).length;
      promoted += above;
      const count = (list: typeof hits, t: number) => list.filter((h) => tierRank(h) === t).length;
      lines.push(
        `${query.padEnd(20)}${String(base.length).padStart(6)}${String(extra).padStart(7)}` +
          `${[0, 1, 2].map((t) => String(count(hits, t)).padStart(6)).join('')}${String(above).padStart(9)}`,
      );
    }
    console.log(
      [
        `MERGE-TIERS: ${pagesOf.size} documents (Simplified and Traditional), ${QUERIES.length} queries`,
        `${'query'.padEnd(20)} base  extra  page  near apart  promoted`,
        ...lines,
      ].join('\n'),
    );
    expect(extras, 'the Traditional documents are found').toBeGreaterThanOrEqual(QUERIES.length);
    expect(promoted, 'some Traditional document outranks a Simplified one of a lower tier').toBeGreaterThan(
      0,
    );
  });
});

import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import type { EvidenceProposal, GapRow, ItemStrength, StepStrength } from '../../../preload/contract';
import { run, sample, withApp } from './cli-helpers';


describe('cli: report', () => {
  it('strength prints the same item strengths as the app, and with --process the step strengths', async () => {
    const file = await sample();
    const all = await run(['report', 'strength', '--workspace', file]);
    expect(all.code).toBe(0);
    const parsed = JSON.parse(all.out) as { items: ItemStrength[]; steps?: StepStrength[] };
    expect(parsed.steps).toBeUndefined();
    const app = await withApp(file, (ws) => ({
      items: ws.knowledge.itemStrengths(),
      steps: ws.knowledge.stepStrengths('sample:pr-sales'),
    }));
    expect(parsed.items).toEqual(app.items);
    // The process by its English alias, in another case.
    const sales = await run([
      'report',
      'strength',
      '--workspace',
      file,
      '--process',
      'group CUSTOMISATION sales process',
    ]);
    expect((JSON.parse(sales.out) as { steps: StepStrength[] }).steps).toEqual(app.steps);
    expect(app.steps).toHaveLength(9);
  });

  it('gaps as CSV: UTF-8 with a byte-order mark, Chinese labels, one row per gap of the process named by label', async () => {
    const file = await sample();
    const { code, out } = await run([
      'report',
      'gaps',
      '--workspace',
      file,
      '--process',
      '团体定制销售流程',
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    expect(out.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(out.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const app = await withApp(file, (ws) => ws.knowledge.gaps('sample:pr-sales'));
    expect(rows.length).toBe(app.length);
    expect(rows.map((r) => [r.stepId, r.itemId, Number(r.strength), r.reasons])).toEqual(
      app.map((g) => [g.stepId, g.itemId, g.strength, g.reasons.join('; ')]),
    );
    expect(rows[0]!.process).toBe('团体定制销售流程');
    // By id, as JSON: the same rows.
    const json = await run(['report', 'gaps', '--workspace', file, '--process', 'sample:pr-sales']);
    expect(JSON.parse(json.out) as GapRow[]).toEqual(app);
  });

  it('an unknown process or report is refused', async () => {
    const file = await sample();
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await run(['report', 'gaps', '--workspace', file, '--process', 'no such process'])).code).toBe(1);
    expect(stderr.mock.calls.flat().join(' ')).toContain('no process is called “no such process”');
    expect((await run(['report', 'nonsense', '--workspace', file])).code).toBe(2);
    expect((await run(['report', 'gaps', '--workspace', file, '--format', 'xml'])).code).toBe(2);
    stderr.mockRestore();
  });

  it('evidence prints the proposals the app has for a sample made by init, which indexes its documents', async () => {
    const file = await sample();
    const { code, out } = await run(['report', 'evidence', '--workspace', file]);
    expect(code).toBe(0);
    const proposals = JSON.parse(out) as EvidenceProposal[];
    const app = await withApp(file, async (ws) => {
      ws.evidence.run();
      await ws.evidence.whenIdle();
      return ws.evidence.proposals();
    });
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals).toEqual(app);
    // After the evidence run, the other reports still end cleanly (the search snapshot it saved is loaded at
    // open and must not outlive the command), and the gaps report counts the same candidate pages.
    const gaps = await run(['report', 'gaps', '--workspace', file]);
    expect(gaps.code).toBe(0);
    const perItem = new Map<string, number>();
    for (const p of proposals) perItem.set(p.knowledgeId, (perItem.get(p.knowledgeId) ?? 0) + 1);
    const rows = JSON.parse(gaps.out) as GapRow[];
    expect(rows.some((r) => r.candidatePages > 0)).toBe(true);
    for (const r of rows) expect(r.candidatePages, r.itemLabel).toBe(perItem.get(r.itemId) ?? 0);
    const sales = await run([
      'report',
      'evidence',
      '--workspace',
      file,
      '--process',
      'sample:pr-sales',
      '--format',
      'csv',
    ]);
    expect(sales.out.startsWith('\uFEFFknowledgeId,knowledge,document,path,page,score,matched,snippet')).toBe(
      true,
    );
  });
});

import type { LocatorHit, LocatorMatch } from '../../../preload/contract';
import { AVAILABILITY_FACTOR } from './consult-ranking';
import { labelCollator } from './expert-holdings';
import type { GraphIndex } from './graph-index';

/** Availability factor when none is recorded (as in consult-ranking.ts: probably reachable). */
const UNKNOWN_AVAILABILITY = 0.75;

/**
 * The expertise locator's ranking (issue 8, "who knows X"). The areas are the distinct matched knowledge items
 * and categories; every expert with a `knows` edge to at least one of them is a hit, with
 *
 *   best  = max proficiency over the matched areas they know (1–5),
 *   known = how many matched areas they know,  total = how many areas were matched,
 *   score = 0.6 · best/5 + 0.25 · known/total + 0.15 · availability            (0–1, not rounded)
 *
 * availability = AVAILABILITY_FACTOR (available 1, limited 0.5, unavailable 0), 0.75 when not recorded — the
 * weights of consult-ranking.ts with depth (proficiency) ahead of breadth, as ARIS's degree of coverage reads.
 * `reasons` (one line, translation keys the renderer words): `experts:locate.proficiency` {best, label: the area
 * of the best proficiency}, `experts:locate.breadth` {known, total}, and one of `experts:locate.available` |
 * `limited` | `unavailable` | `availabilityUnknown` ({}). `knows` lists what they know of the areas, best first,
 * then label. Sorted by score desc, then label (zh-CN collation); at most `limit` hits. Never throws.
 */
export function rankExperts(
  index: GraphIndex,
  matches: readonly LocatorMatch[],
  limit: number,
): LocatorHit[] {
  const areas = [...new Set(matches.map((m) => m.id))].filter((id) => {
    const kind = index.kindOf(id);
    return kind === 'knowledge' || kind === 'category';
  });
  const total = areas.length;
  const known = new Map<string, Map<string, number>>(); // expert → area → best proficiency
  for (const area of areas)
    for (const e of index.in(area, 'knows')) {
      if (index.kindOf(e.source) !== 'expert') continue;
      let m = known.get(e.source);
      if (!m) known.set(e.source, (m = new Map()));
      m.set(area, Math.max(m.get(area) ?? 0, e.props.proficiency));
    }
  const hits: LocatorHit[] = [];
  for (const [expertId, m] of known) {
    const props = index.expertProps(expertId)!;
    const knows = [...m]
      .map(([id, proficiency]) => ({ id, label: index.node(id)!.label, proficiency }))
      .sort((a, b) => b.proficiency - a.proficiency || labelCollator.compare(a.label, b.label));
    const top = knows[0]!;
    const availability = props.availability ? AVAILABILITY_FACTOR[props.availability] : UNKNOWN_AVAILABILITY;
    const score = (0.6 * top.proficiency) / 5 + (0.25 * knows.length) / total + 0.15 * availability;
    hits.push({
      id: expertId,
      label: index.node(expertId)!.label,
      title: props.title ?? null,
      department: props.department ?? null,
      availability: props.availability ?? null,
      score,
      bestProficiency: top.proficiency,
      matched: knows.length,
      knows,
      reasons: [
        { key: 'experts:locate.proficiency', params: { best: top.proficiency, label: top.label } },
        { key: 'experts:locate.breadth', params: { known: knows.length, total } },
        {
          key: props.availability
            ? `experts:locate.${props.availability}`
            : 'experts:locate.availabilityUnknown',
          params: {},
        },
      ],
    });
  }
  hits.sort((a, b) => b.score - a.score || labelCollator.compare(a.label, b.label));
  return hits.slice(0, limit);
}

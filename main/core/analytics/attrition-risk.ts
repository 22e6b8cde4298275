import type { AttritionRisk, NodePropsOf } from '../../../preload/contract';
import { daysBetween } from './knowledge-strength';

/** Days in a mean Gregorian-Julian year: the unit of "years left" (leap years averaged in). */
const DAYS_PER_YEAR = 365.25;

/**
 * Upper bounds (years left, inclusive) of the attrition bands, highest factor first: ≤ 1 year → 5, ≤ 2 → 4,
 * ≤ 3 → 3, ≤ 5 → 2, more than 5 → 1.
 */
const BANDS: ReadonlyArray<readonly [maxYears: number, factor: 1 | 2 | 3 | 4 | 5]> = [
  [1, 5],
  [2, 4],
  [3, 3],
  [5, 2],
];

/**
 * The attrition risk factor (ARF, 1–5) of an expert, after the IAEA knowledge-loss risk assessment (IAEA, Risk
 * Management of Knowledge Loss in Nuclear Industry Organizations, STI/PUB/1248, 2006, after the TVA method).
 *
 * With `props.expectedLeaving` (YYYY-MM-DD): yearsLeft = days(today → leaving) / 365.25, and the factor from
 * the method's bands on the exact (unrounded) value: ≤ 1 → 5, ≤ 2 → 4, ≤ 3 → 3, ≤ 5 → 2, > 5 → 1. A date
 * already past (days < 0) → 5 with `datePassed: true` (the write path refuses such a date, but a stored one
 * ages). `yearsLeft` in the output is rounded to one decimal. Source `leaving-date`.
 *
 * Without a date: the entered `props.attritionRisk`, source `entered`, yearsLeft null.
 *
 * `today` is YYYY-MM-DD (the user's calendar date). O(1). Never throws.
 */
export function attritionRisk(props: NodePropsOf<'expert'>, today: string): AttritionRisk {
  const leaving = props.expectedLeaving ?? null;
  if (leaving === null)
    return {
      factor: props.attritionRisk,
      source: 'entered',
      expectedLeaving: null,
      yearsLeft: null,
      datePassed: false,
    };
  const days = daysBetween(today, leaving);
  const years = days / DAYS_PER_YEAR;
  const datePassed = days < 0;
  const factor = datePassed ? 5 : (BANDS.find(([max]) => years <= max)?.[1] ?? 1);
  return {
    factor,
    source: 'leaving-date',
    expectedLeaving: leaving,
    yearsLeft: Math.round(years * 10) / 10,
    datePassed,
  };
}

/**
 * The strength settings form as text fields, and its validation (the contract's bounds: weights 0–100 with at
 * least one above 0, target holders 1–20, freshness horizon 1–3650 days, weak below 1–99 < strong from 2–100),
 * so the dialog can say what is wrong next to the field before anything is sent.
 */
import type { StrengthSettings } from '../../../../preload/contract';

/** The fields of the form, by name. */
export const SETTING_FIELDS = [
  'documentation',
  'holders',
  'owner',
  'freshness',
  'targetHolders',
  'freshnessHorizonDays',
  'weakBelow',
  'strongFrom',
] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
export type SettingsDraft = Record<SettingField, string>;

const BOUNDS: Record<SettingField, [number, number]> = {
  documentation: [0, 100],
  holders: [0, 100],
  owner: [0, 100],
  freshness: [0, 100],
  targetHolders: [1, 20],
  freshnessHorizonDays: [1, 3650],
  weakBelow: [1, 99],
  strongFrom: [2, 100],
};

/** An error of one field: a translation key of `processes:settings.errors` and its values. */
export interface FieldError {
  key: 'range' | 'whole' | 'order' | 'allZero';
  params: Record<string, number>;
}

/** The draft of `s`. */
export function toDraft(s: StrengthSettings): SettingsDraft {
  return {
    ...Object.fromEntries(Object.entries(s.weights).map(([k, v]) => [k, String(v)])),
    targetHolders: String(s.targetHolders),
    freshnessHorizonDays: String(s.freshnessHorizonDays),
    weakBelow: String(s.weakBelow),
    strongFrom: String(s.strongFrom),
  } as SettingsDraft;
}

/**
 * Checks a draft (full-width digits, as an IME types them, count as digits).
 * @returns the settings when every field is valid, else the errors by field.
 */
export function validateDraft(
  d: SettingsDraft,
):
  | { ok: true; settings: StrengthSettings }
  | { ok: false; errors: Partial<Record<SettingField, FieldError>> } {
  const errors: Partial<Record<SettingField, FieldError>> = {};
  const n: Partial<Record<SettingField, number>> = {};
  for (const f of SETTING_FIELDS) {
    const text = d[f].normalize('NFKC').trim();
    const [min, max] = BOUNDS[f];
    if (!/^-?\d+$/.test(text)) {
      errors[f] = { key: /^-?\d*\.\d+$/.test(text) ? 'whole' : 'range', params: { min, max } };
      continue;
    }
    const v = Number(text);
    if (v < min || v > max) errors[f] = { key: 'range', params: { min, max } };
    else n[f] = v;
  }
  if (n.weakBelow !== undefined && n.strongFrom !== undefined && n.weakBelow >= n.strongFrom)
    errors.weakBelow = { key: 'order', params: { strong: n.strongFrom } };
  const weights = ['documentation', 'holders', 'owner', 'freshness'] as const;
  if (weights.every((w) => n[w] === 0)) errors.documentation = { key: 'allZero', params: {} };
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      weights: {
        documentation: n.documentation!,
        holders: n.holders!,
        owner: n.owner!,
        freshness: n.freshness!,
      },
      targetHolders: n.targetHolders!,
      freshnessHorizonDays: n.freshnessHorizonDays!,
      weakBelow: n.weakBelow!,
      strongFrom: n.strongFrom!,
    },
  };
}

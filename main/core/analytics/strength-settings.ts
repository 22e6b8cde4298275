import type Database from 'better-sqlite3';
import { StrengthSettings } from '../../../preload/contract';
import { WellspringError } from '../util/errors';

/** The `meta` key under which a workspace keeps its strength settings (JSON). */
export const STRENGTH_SETTINGS_KEY = 'strength_settings';

/**
 * The defaults (issue 7): documentation weighs most (40) because an explicit, linked record survives a
 * departure; holders next (30), as the IAEA knowledge-loss risk assessment rates knowledge by how many capable
 * people hold it; freshness 20 and an owner 10. Two holders at full proficiency give the full holder part; a
 * review a year overdue has no freshness left; below 40 is weak, from 70 strong.
 */
export const DEFAULT_STRENGTH_SETTINGS: StrengthSettings = Object.freeze({
  weights: Object.freeze({ documentation: 40, holders: 30, owner: 10, freshness: 20 }),
  targetHolders: 2,
  freshnessHorizonDays: 365,
  weakBelow: 40,
  strongFrom: 70,
}) as StrengthSettings;

/** Bounds of each numeric setting, for the message of a value out of range (mirrors the contract's schema). */
const BOUNDS: Record<string, readonly [number, number]> = {
  'weights.documentation': [0, 100],
  'weights.holders': [0, 100],
  'weights.owner': [0, 100],
  'weights.freshness': [0, 100],
  targetHolders: [1, 20],
  freshnessHorizonDays: [1, 3650],
  weakBelow: [1, 99],
  strongFrom: [2, 100],
};

/**
 * Checks settings against the contract's StrengthSettings schema.
 * @returns a copy of the valid settings
 * @throws WellspringError `invalid_input` whose path names the first offending field: a number out of range
 *   (`weights.documentation must be 0–100`, key errors.strengthOutOfRange), weakBelow not below strongFrom
 *   (errors.strengthThresholds), every weight 0 (errors.strengthNoWeight), or any other malformed value
 *   (errors.invalidInput)
 */
export function validateStrengthSettings(input: unknown): StrengthSettings {
  const r = StrengthSettings.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const field = path.join('.');
  const bounds = BOUNDS[field];
  if (bounds && (issue.code === 'too_big' || issue.code === 'too_small')) {
    const [min, max] = bounds;
    throw new WellspringError('invalid_input', `${field} must be ${min}–${max}.`, path, {
      key: 'errors.strengthOutOfRange',
      params: { field, min, max },
    });
  }
  if (field === 'weakBelow' && issue.code === 'custom')
    throw new WellspringError('invalid_input', 'weakBelow must be below strongFrom.', path, {
      key: 'errors.strengthThresholds',
    });
  if (field === 'weights' && issue.code === 'custom')
    throw new WellspringError('invalid_input', 'At least one weight must be above 0.', path, {
      key: 'errors.strengthNoWeight',
    });
  throw new WellspringError('invalid_input', `${field || 'settings'}: ${issue.message}`, path, {
    key: 'errors.invalidInput',
    params: { field: field || 'settings' },
  });
}

/**
 * The workspace's strength settings: the stored JSON when it is present and valid, else the defaults (a value a
 * newer or hand-edited file stored that no longer validates must not stop strengths from being shown).
 */
export function readStrengthSettings(db: Database.Database): StrengthSettings {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(STRENGTH_SETTINGS_KEY) as
    { value: string } | undefined;
  if (!row) return structuredClone(DEFAULT_STRENGTH_SETTINGS);
  try {
    const r = StrengthSettings.safeParse(JSON.parse(row.value));
    return r.success ? r.data : structuredClone(DEFAULT_STRENGTH_SETTINGS);
  } catch {
    return structuredClone(DEFAULT_STRENGTH_SETTINGS);
  }
}

/**
 * Validates and stores the settings (not part of the undo history: settings are not graph content).
 * @returns the stored settings
 * @throws see validateStrengthSettings; nothing is written then
 */
export function writeStrengthSettings(db: Database.Database, input: unknown): StrengthSettings {
  const settings = validateStrengthSettings(input);
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(STRENGTH_SETTINGS_KEY, JSON.stringify(settings));
  return settings;
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../preload/commands';
import { EDGE_KINDS, NODE_KINDS, NODE_PROPS } from '../../../preload/contract';

const LOCALES = path.resolve(__dirname, '../../../renderer/src/i18n/locales');

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
function load(lang: string, ns: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('translations', () => {
  const namespaces = fs.readdirSync(path.join(LOCALES, 'en')).map((f) => f.replace(/\.json$/, ''));

  it('zh-CN and en have the same namespaces and key sets', () => {
    expect(fs.readdirSync(path.join(LOCALES, 'zh-CN')).sort()).toEqual(
      fs.readdirSync(path.join(LOCALES, 'en')).sort(),
    );
    for (const ns of namespaces) expect(keys(load('zh-CN', ns)).sort()).toEqual(keys(load('en', ns)).sort());
  });

  it('no string is empty, and zh-CN is really translated', () => {
    for (const ns of namespaces) {
      const en = load('en', ns);
      const zh = load('zh-CN', ns);
      for (const k of keys(zh)) {
        const z = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zh) as string;
        expect(z.trim(), `${ns}:${k}`).not.toBe('');
      }
      // Most zh-CN strings contain Chinese characters (names such as "SHA-256" may stay as they are).
      const zhValues = keys(zh).map((k) =>
        k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zh),
      );
      const han = zhValues.filter((v) => /\p{Script=Han}/u.test(String(v))).length;
      expect(han / zhValues.length, ns).toBeGreaterThan(0.8);
      expect(keys(en).length).toBe(keys(zh).length);
    }
  });

  it('covers every node kind, edge kind, prop, enum value and command title', () => {
    const map = load('en', 'map') as {
      kinds: Record<string, string>;
      edgeKinds: Record<string, string>;
      props: Record<string, string>;
      values: Record<string, string>;
    };
    for (const k of NODE_KINDS) expect(map.kinds[k]).toBeTruthy();
    for (const k of EDGE_KINDS) expect(map.edgeKinds[k]).toBeTruthy();
    for (const schema of Object.values(NODE_PROPS)) {
      const shape = (
        schema as unknown as { shape: Record<string, { def: { type: string; innerType?: unknown } }> }
      ).shape;
      for (const [prop, field] of Object.entries(shape)) {
        expect(map.props[prop], prop).toBeTruthy();
        const inner = (field.def.type === 'optional' ? field.def.innerType : field) as { options?: string[] };
        for (const v of inner.options ?? []) expect(map.values[v], `${prop}=${v}`).toBeTruthy();
      }
    }
    const commands = load('en', 'commands');
    for (const c of COMMANDS) expect(commands[c.titleKey], c.id).toBeTruthy();
  });
});

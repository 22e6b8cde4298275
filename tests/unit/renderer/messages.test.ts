import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result, WellspringBridge } from '../../../preload/contract';
import { translate } from '../../../main/shell/menu-labels';
import { translateMessage } from '../../../renderer/src/i18n/messages';
import { documentReason } from '../../../renderer/src/features/library/document-reason';

const LOCALES = path.resolve(__dirname, '../../../renderer/src/i18n/locales');
const LANGUAGES = ['en', 'zh-CN'] as const;

function load(lang: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    fs
      .readdirSync(path.join(LOCALES, lang))
      .map((f) => [
        f.replace(/\.json$/, ''),
        JSON.parse(fs.readFileSync(path.join(LOCALES, lang, f), 'utf8')),
      ]),
  );
}

function leaves(obj: unknown, prefix: string): Array<[string, string]> {
  if (typeof obj === 'string') return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
}

// The same options as renderer/src/i18n/index.ts, which cannot be loaded outside a browser (localStorage).
beforeAll(async () => {
  const resources = Object.fromEntries(LANGUAGES.map((l) => [l, load(l)]));
  await i18next.init({
    resources,
    lng: 'zh-CN',
    fallbackLng: 'en',
    ns: Object.keys(resources.en!),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

describe('messages named by the main process', () => {
  it('are shown translated, with kinds nested from map.json', async () => {
    await i18next.changeLanguage('zh-CN');
    const params = { kind: 'owns', source: 'expert', target: 'process' };
    expect(translateMessage('errors.edgeKindMismatch', params, 'A owns edge…')).toBe(
      '“负责维护”连线不能从“专家”连到“流程”。',
    );
    await i18next.changeLanguage('en');
    expect(translateMessage('errors.edgeKindMismatch', params, 'A owns edge…')).toBe(
      'A “owns” connection cannot go from “Expert” to “Process”.',
    );
  });

  it('fall back to the English text for a key the translation files do not have', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(translateMessage('errors.noSuchKey', {}, 'Something broke.')).toBe('Something broke.');
    expect(translateMessage(undefined, undefined, 'Something broke.')).toBe('Something broke.');
  });

  it('read the same in the native dialogs (main’s translate) as in the renderer (i18next)', async () => {
    // Values that the nested keys resolve with; every other placeholder gets a marker.
    const nested: Record<string, string> = {
      kind: 'owns',
      source: 'expert',
      target: 'process',
      field: 'proficiency',
      relation: 'requires',
      expected: 'knowledge',
      nodeKind: 'process',
    };
    const en = load('en');
    const keys = [
      ...leaves(en.common!.errors, 'errors'),
      ...leaves(en.common!.menu, 'menu'),
      ...leaves(en.library!.errors, 'library:errors'),
      ...leaves(en.library!.reasons, 'library:reasons'),
    ];
    expect(keys.length).toBeGreaterThan(50);
    for (const lang of LANGUAGES) {
      await i18next.changeLanguage(lang);
      for (const [key, template] of keys) {
        const params: Record<string, string> = {};
        for (const [, name] of template.matchAll(/\{\{(\w+)\}\}/g))
          params[name!] =
            key.includes('formatNotSupported') && name === 'format' ? 'epub' : (nested[name!] ?? `<${name}>`);
        const shown = translateMessage(key, params, 'ENGLISH');
        expect(shown, `${lang} ${key}`).not.toBe('ENGLISH');
        expect(shown, `${lang} ${key}`).not.toMatch(/\$t\(|\{\{|errors\.|kinds\.|props\.|formats\./);
        expect(translate(lang, key, params), `${lang} ${key}`).toBe(shown);
      }
    }
  });

  it('give the library table the translated reason of a file', async () => {
    await i18next.changeLanguage('zh-CN');
    const doc = {
      error: 'x.csv line 17: unclosed quote',
      errorKey: 'library:reasons.unclosedQuote',
      errorParams: { name: 'x.csv', line: '17' },
    };
    expect(documentReason(doc)).toBe('x.csv 第 17 行：引号未闭合');
    expect(documentReason({ error: 'a.pdf: worker crashed' })).toBe('a.pdf: worker crashed');
    expect(documentReason({ error: null })).toBeNull();
  });
});

describe('ApiError', () => {
  it('carries the key and shows the translation as its message, keeping the English', async () => {
    await i18next.changeLanguage('zh-CN');
    const envelope: Result<never> = {
      ok: false,
      code: 'not_found',
      message: 'No node with id n1.',
      path: ['id'],
      key: 'errors.nodeNotFound',
      params: { id: 'n1' },
    };
    const bridge = { platform: 'linux', invoke: async () => envelope, on: () => () => {} };
    vi.stubGlobal('window', { wellspring: bridge as unknown as WellspringBridge });
    try {
      const { ApiError, call } = await import('../../../renderer/src/api/client');
      const e = await call('graph:get-node', { id: 'n1' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiError);
      expect(e).toMatchObject({
        code: 'not_found',
        path: ['id'],
        key: 'errors.nodeNotFound',
        params: { id: 'n1' },
        english: 'No node with id n1.',
        message: '节点 n1 已不存在（可能已被删除）。',
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

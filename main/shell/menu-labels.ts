/**
 * The words of the native menus and dialogs, from the renderer's own translation files (issue #6: the menu once
 * had a second translation here, and it drifted — 知识清单 vs 知识盘点). The JSON is bundled into main at build
 * time; it is data, so the layer rule (renderer never imports main) is untouched. Command titles come from
 * `commands.json` (`titleKey` of preload/commands.ts), the shell's own entries (File, Open Recent, Cut…) from the
 * `menu` section of `common.json`. tests/shell checks that the menu shows the renderer's title for every command.
 */
import enCommands from '../../renderer/src/i18n/locales/en/commands.json';
import enCommon from '../../renderer/src/i18n/locales/en/common.json';
import enLibrary from '../../renderer/src/i18n/locales/en/library.json';
import enMap from '../../renderer/src/i18n/locales/en/map.json';
import zhCommands from '../../renderer/src/i18n/locales/zh-CN/commands.json';
import zhCommon from '../../renderer/src/i18n/locales/zh-CN/common.json';
import zhLibrary from '../../renderer/src/i18n/locales/zh-CN/library.json';
import zhMap from '../../renderer/src/i18n/locales/zh-CN/map.json';
import type { MessageParams } from '../../preload/contract';
import { isWellspringError } from '../core/util/errors';

/** The UI languages of the native menus. */
export type MenuLanguage = 'en' | 'zh-CN';

// The namespaces main needs: menus, error messages, and what those nest (kinds, prop names, format names).
const RESOURCES: Record<MenuLanguage, Record<string, unknown>> = {
  en: { commands: enCommands, common: enCommon, library: enLibrary, map: enMap },
  'zh-CN': { commands: zhCommands, common: zhCommon, library: zhLibrary, map: zhMap },
};

/** Chinese for any `zh…` locale (as from `app.getLocale()`, e.g. `zh-CN`, `zh-TW`), English otherwise. */
export function menuLanguage(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The label for `key` in `language`: the command title `commands:<key>`, else the shell's own `common:menu.<key>`.
 * Unknown keys (a command added to preload/commands.ts without a title in commands.json) fall back to the key
 * itself rather than throwing, so a missing label is visible but never breaks the menu.
 */
export function menuLabel(language: MenuLanguage, key: string): string {
  return lookup(language, `commands:${key}`) ?? lookup(language, `common:menu.${key}`) ?? key;
}

/** Whether `key` has a label in both languages (for tests). */
export function hasMenuLabel(key: string): boolean {
  return (['en', 'zh-CN'] as const).every((lang) => menuLabel(lang, key) !== key);
}

/**
 * The translation of an i18next key (`ns:dotted.path`, namespace `common` when unprefixed) in `language`, falling
 * back to English like the renderer's i18next (`fallbackLng: 'en'`); undefined when neither has it. Does what the
 * renderer's i18next does with the messages main shows: `{{name}}` interpolation, then `$t(key)` nesting.
 */
export function translate(
  language: MenuLanguage,
  key: string,
  params: MessageParams = {},
): string | undefined {
  const template = lookup(language, key) ?? lookup('en', key);
  if (template === undefined) return undefined;
  const text = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : '',
  );
  return text.replace(/\$t\(([^)]+)\)/g, (_, nested: string) => translate(language, nested) ?? nested);
}

/** What a native error box says about `e`: its translated message when it names one, else its own message. */
export function errorText(language: MenuLanguage, e: unknown): string {
  if (isWellspringError(e) && e.key) return translate(language, e.key, e.params) ?? e.message;
  return e instanceof Error ? e.message : String(e);
}

function lookup(language: MenuLanguage, key: string): string | undefined {
  const colon = key.indexOf(':');
  const ns = colon < 0 ? 'common' : key.slice(0, colon);
  let node: unknown = RESOURCES[language][ns];
  for (const part of key.slice(colon + 1).split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

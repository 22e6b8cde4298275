import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardcodedText } from './hardcoded-text';

const ROOT = path.resolve(__dirname, '../../..');
const RENDERER = path.join(ROOT, 'renderer/src');

/**
 * Text the scan may find, by file (relative to the repository) and text. Keep it short: proper nouns and
 * non-words only, plus findings in files that other work owns right now, each with a TODO naming who fixes it.
 */
const ALLOWED: ReadonlyArray<{ file: string; text: string; why: string }> = [
  {
    file: 'renderer/src/app/App.tsx',
    text: 'main',
    why: 'TODO(App.tsx, issue #6): the nav rail’s aria-label; use t(…) once App.tsx is free to edit',
  },
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('no hard-coded user-visible text', () => {
  it('finds hard-coded text in JSX, text attributes and notify(), in either language', () => {
    const snippet = [
      'export function Bar({ t, notify, s }: Props) {', // 1
      '  notify(`${t("undone")}: ${s}`);', // 2
      '  return (', // 3
      '    <div className="bar primary" data-testid="save-bar" role="toolbar">', // 4
      '      <button onClick={() => notify(t("map:toast.saved"))}>保存</button>', // 5
      '      <input placeholder="Search…" aria-label={t("search.label")} />', // 6
      '      <span title={s ? "Open" : t("closed")}>{s ?? "none"}</span>', // 7
      '      <b>⤳ ＋ × 1–5</b>{t(`status.${s}`)}{"·"}', // 8
      '      <i onClick={() => notify("已保存", "info")}>{`${s} items`}</i>', // 9
      '    </div>', // 10
      '  );', // 11
      '}', // 12
    ].join('\n');
    const found = findHardcodedText('Bar.tsx', snippet).map((f) => `${f.line} ${f.where} ${f.text}`);
    expect(found).toEqual([
      '2 notify() concatenation `${t("undone")}: ${s}`',
      '5 jsx text 保存',
      '6 placeholder= Search…',
      '7 title= Open',
      '7 jsx child none',
      '9 notify() 已保存',
      '9 jsx child ${…} items',
    ]);
  });

  it('reports the Chinese word 保存 in a button as hard-coded', () => {
    const found = findHardcodedText('Save.tsx', 'const B = () => <button>保存</button>;');
    expect(found).toEqual([{ line: 1, text: '保存', where: 'jsx text' }]);
  });

  it('finds none in renderer/src beyond the allow-list', () => {
    const findings: string[] = [];
    const allowedUsed = new Set<string>();
    for (const file of sources(RENDERER)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      for (const f of findHardcodedText(file, fs.readFileSync(file, 'utf8'))) {
        const allowed = ALLOWED.find((a) => a.file === rel && a.text === f.text);
        if (allowed) allowedUsed.add(`${allowed.file} ${allowed.text}`);
        else findings.push(`${rel}:${f.line} (${f.where}) ${JSON.stringify(f.text)}`);
      }
    }
    expect(findings, 'use t(…) with a key in both languages').toEqual([]);
    // An entry whose text is gone was fixed: remove it, so the list only ever shrinks.
    expect(ALLOWED.filter((a) => !allowedUsed.has(`${a.file} ${a.text}`)).map((a) => a.file)).toEqual([]);
  });
});

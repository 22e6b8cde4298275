/**
 * The text a node shows on the map: which name (Chinese, English or both, issue #6) and where its lines break.
 *
 * Lines are broken here, with explicit '\n', instead of by Cytoscape's `text-overflow-wrap: anywhere`: that option
 * works by putting a zero-width space (U+200B) between every character, which then ends up in SVG exports, where a
 * search for 拜访记录 finds nothing. Pure functions; no Cytoscape.
 */

/** Which name a node label shows: the label itself, its English name, or both (Chinese first). */
export type LabelMode = 'zh' | 'en' | 'both';
export const LABEL_MODES: readonly LabelMode[] = ['zh', 'en', 'both'];

const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;
// Wide characters take two columns (Unicode East Asian Width W/F): ideographs, kana, hangul, CJK and full-width
// punctuation. Everything else takes one.
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
// Kinsoku shori (JIS X 4051), reduced to what labels use: no line starts with closing punctuation, none ends
// with opening punctuation.
const NO_START = new Set([...'，。、：；！？）》」』】〕〉’”…·,.;:!?)]}%']);
const NO_END = new Set([...'（《「『【〔〈‘“([{']);

/** Whether the character `ch` takes two columns (CJK ideographs, kana, hangul, full-width forms). */
export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/** Whether `s` is written in Latin script: it has Latin letters and no Han, kana or hangul. */
export function isLatinScript(s: string): boolean {
  return LATIN.test(s) && !EAST_ASIAN.test(s);
}

/**
 * The node's English name: the label itself when it is in Latin script, else the first alias in Latin script,
 * else null (the sample workspace gives every node one, e.g. 拜访记录 → "Visit record").
 */
export function englishName(label: string, aliases: readonly string[]): string | null {
  if (isLatinScript(label)) return label;
  return aliases.find(isLatinScript) ?? null;
}

/** The one-line name for `mode`: `zh` the label, `en` the English name (or the label), `both` "中文 / English". */
export function labelText(label: string, aliases: readonly string[], mode: LabelMode): string {
  if (mode === 'zh') return label;
  const en = englishName(label, aliases);
  if (mode === 'en') return en ?? label;
  return en && en !== label ? `${label} / ${en}` : label;
}

/** Display width in columns: 2 per wide (CJK) character, 1 per other character. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/**
 * Breaks `text` into lines of at most `maxWidth` columns (textWidth: 16 = 8 CJK characters or 16 Latin ones) and
 * joins them with '\n'. Latin words break at spaces (a word longer than a line is cut); CJK text breaks between
 * any two characters, but never before closing or after opening punctuation. More than `maxLines` lines: the last
 * kept line ends with '…'. Existing line breaks are kept.
 */
export function wrapLabel(text: string, maxWidth = 16, maxLines = 4): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) lines.push(...wrapLine(para.trim(), maxWidth));
  if (lines.length <= maxLines) return lines.join('\n');
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${cut(kept[maxLines - 1]!, maxWidth - 1)}…`;
  return kept.join('\n');
}

/**
 * `label` shown for `mode`, wrapped; `both` puts the English name on lines of its own under the Chinese (at most
 * 2 lines of Chinese and 3 of English).
 */
export function displayLabel(label: string, aliases: readonly string[], mode: LabelMode): string {
  if (mode !== 'both') return wrapLabel(labelText(label, aliases, mode));
  const en = englishName(label, aliases);
  if (!en || en === label) return wrapLabel(label);
  return `${wrapLabel(label, 16, 2)}\n${wrapLabel(en, 16, 3)}`;
}

/** Tokens that must stay on one line: a Latin word, or one CJK character with its punctuation attached. */
function tokens(line: string): Array<{ text: string; space: boolean }> {
  const out: Array<{ text: string; space: boolean }> = [];
  let space = false;
  let word = '';
  const flush = () => {
    if (word) out.push({ text: word, space });
    word = '';
    space = false;
  };
  for (const ch of line) {
    if (/\s/u.test(ch)) {
      flush();
      space = out.length > 0;
    } else if (NO_START.has(ch) && !space && (word || out.length)) {
      // Closing punctuation stays with what precedes it.
      if (word) word += ch;
      else out[out.length - 1]!.text += ch;
      if (word && WIDE.test(ch)) flush();
    } else if (WIDE.test(ch)) {
      if (word && !NO_END.has(word[word.length - 1]!)) flush();
      word += ch;
      if (!NO_END.has(ch)) flush();
    } else {
      if (word && WIDE.test(word[word.length - 1]!)) flush();
      word += ch;
    }
  }
  flush();
  return out;
}

function wrapLine(line: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const tok of tokens(line)) {
    const sep = cur && tok.space ? ' ' : '';
    if (cur && textWidth(cur + sep + tok.text) > maxWidth) {
      lines.push(cur);
      cur = '';
    }
    let piece = cur ? cur + sep + tok.text : tok.text;
    while (textWidth(piece) > maxWidth) {
      const head = cut(piece, maxWidth);
      lines.push(head);
      piece = piece.slice(head.length);
    }
    cur = piece;
  }
  if (cur || lines.length === 0) lines.push(cur);
  return lines;
}

/** The longest prefix of `s` (whole code points) at most `width` columns wide; at least one character. */
function cut(s: string, width: number): string {
  let out = '';
  for (const ch of s) {
    if (out && textWidth(out + ch) > width) break;
    out += ch;
  }
  return out;
}

// Characters whose line breaks are layout, not meaning: Han (Kangxi radicals become Han under NFKC), kana, Hangul and
// the CJK symbols and punctuation block (、。「」…). A break between two of them is where a PDF or a hard-wrapped text
// file ran out of width, so it is removed (pdftotext does the same for CJK).
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3001-\u303f\u30fc`;
// NFKC turns full-width ，。：（） into ASCII, so "中文，" ends in ','. One such punctuation mark between a CJK character
// and the line end (or a single opening bracket/quote before the first CJK character of the next line) still counts.
const CJK_LINE_END = new RegExp(String.raw`[${CJK}][,.;:!?)\]"'»”’]?$`, 'u');
const CJK_LINE_START = new RegExp(String.raw`^[(\["'«“‘]?[${CJK}]`, 'u');
// "docu-" + "ment": a letter, a hyphen at the end of the line, a lower-case letter starting the next one.
const HYPHEN_LINE_END = /\p{L}-$/u;
const LOWER_LINE_START = /^\p{Ll}/u;

// C0/C1 controls except \t and \n (\r, \f and \v are turned into \n first), plus BOM, zero-width space and soft hyphen,
// which only hide inside words and break search.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\u200b\u00ad]/g;

/**
 * Normalises extracted text for storage and search. Pure and idempotent.
 *
 * Rules, in order:
 * 1. Unicode NFKC: compatibility forms become their plain letters — Kangxi radicals (U+2F00 ⼀ → 一), full-width
 *    Latin and digits (Ａ１ → A1), ligatures (ﬁ → fi), ideographic space → space, full-width CJK punctuation → ASCII.
 * 2. Line ends: \r\n, \r, \f, \v, U+2028 and U+2029 become \n.
 * 3. Invisible characters are removed: NUL and every other control character except \n and \t, BOM (U+FEFF),
 *    zero-width space (U+200B) and soft hyphen (U+00AD).
 * 4. Each line is trimmed (spaces and tabs) and runs of spaces inside it collapse to one space. Tabs inside a line
 *    are kept (they separate table cells).
 * 5. Line joins: a break between two CJK characters (Han, kana, Hangul, CJK punctuation; one ASCII punctuation mark may
 *    sit between the CJK character and the break) is removed — also when the line had trailing spaces, since lines
 *    are trimmed first. A Latin word hyphenated at the line end is joined ("docu-\nment" → "document") when the next
 *    line starts with a lower-case letter; this also joins real compounds split at their hyphen ("church-\nkey" →
 *    "churchkey"), which is what pdftotext does too.
 * 6. Runs of blank lines collapse to one blank line (a paragraph break); leading and trailing blank lines go.
 *
 * @param s any text (may contain NUL and mixed line ends)
 * @returns the normalised text; '' for whitespace-only input
 */
export function normalizeText(s: string): string {
  const flat = s
    .normalize('NFKC')
    .replace(/\r\n?|[\f\v\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '');
  const lines = flat.split('\n').map((line) => line.replace(/ {2,}/g, ' ').replace(/^[ \t]+|[ \t]+$/g, ''));

  // Output lines, each kept as its joined pieces: testing the end of a line that keeps growing by joins, as one
  // string, flattened it again at every join (V8 concatenates lazily), which made a long CJK text quadratic (a
  // 3 MB file of CJK lines took 20 s). `last` is the last piece of the line being built: all a join rule looks at.
  const out: string[][] = [];
  let last: string | undefined;
  let blank = 0;
  for (const line of lines) {
    if (line === '') {
      blank++;
      continue;
    }
    if (last !== undefined && blank === 0) {
      if (CJK_LINE_END.test(last) && CJK_LINE_START.test(line)) {
        out[out.length - 1]!.push(line);
        last = line;
        continue;
      }
      if (HYPHEN_LINE_END.test(last) && LOWER_LINE_START.test(line)) {
        const pieces = out[out.length - 1]!;
        pieces[pieces.length - 1] = last.slice(0, -1);
        pieces.push(line);
        last = line;
        continue;
      }
    }
    if (last !== undefined && blank > 0) out.push([]);
    out.push([line]);
    last = line;
    blank = 0;
  }
  return out.map((pieces) => pieces.join('')).join('\n');
}

const CJK_SOFT_BREAK = new RegExp(String.raw`(?<=[${CJK}])[ \t\r]*\n\s*(?=[${CJK}])`, 'gu');

/**
 * Collapses source-code whitespace the way a reader sees it (HTML, XML): a run that wraps a line between two CJK
 * characters disappears (the break was only the author's line wrap), any other run of whitespace becomes one space.
 */
export function collapseWhitespace(s: string): string {
  return s.replace(CJK_SOFT_BREAK, '').replace(/\s+/g, ' ');
}

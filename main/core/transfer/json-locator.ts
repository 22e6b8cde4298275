/** A step of a JSON path: an object member's name or an array index. */
export type JsonPathStep = string | number;

/** Where a JSON text stops being JSON: 1-based line and column, 0-based offset, and what was expected. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

/**
 * Finds lines in a JSON text: of the value at a path (`['nodes', 12, 'kind']` → the line of that `"kind"` value),
 * and of the first syntax error. JSON.parse tells neither (V8 names the position only of some syntax errors), yet
 * a message about bad input must name the line (STYLE: errors name the file and line).
 *
 * The scanner follows the grammar of RFC 8259 §2–7 (values, objects, arrays, numbers, strings with escapes). It
 * keeps no values: a path is found by skipping every member before it. The offsets of the root object's members
 * and of the elements of its arrays (`nodes`, `edges`, `views`) are indexed on first use, so locating many
 * problems in a 100k-element file costs one pass plus one element each, not one pass per problem.
 */
export class JsonLocator {
  private lineStarts: number[] | null = null;
  private rootMembers: Map<string, number> | null = null;
  private readonly elementIndex = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  /** The 1-based line of the value at `path`; of its closest existing ancestor when it is absent (a missing field). */
  lineOf(path: readonly JsonPathStep[]): number {
    return this.lineAt(this.offsetOf(path));
  }

  /** The 1-based line of a character offset. */
  lineAt(offset: number): number {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The first syntax error of the text, or null when it is one JSON value (with whitespace around it). */
  syntaxError(): JsonSyntaxError | null {
    const s = new Scanner(this.text);
    try {
      s.ws();
      s.value();
      s.ws();
      if (s.i < this.text.length) s.fail('the end of the text after the value');
      return null;
    } catch (e) {
      if (!(e instanceof ScanError)) throw e;
      const line = this.lineAt(e.offset);
      const starts = this.lineStarts!;
      return { offset: e.offset, line, column: e.offset - starts[line - 1]! + 1, reason: e.reason };
    }
  }

  /** Offset of the value at `path`, or of the deepest ancestor that exists. The text must be valid JSON. */
  private offsetOf(path: readonly JsonPathStep[]): number {
    const s = new Scanner(this.text);
    s.ws();
    let at = s.i;
    for (let depth = 0; depth < path.length; depth++) {
      const step = path[depth]!;
      // The members of the root object: indexed once, as every problem starts there.
      if (depth === 0 && typeof step === 'string') {
        const member = this.members(at).get(step);
        if (member === undefined) return at;
        at = member;
        s.i = at;
        continue;
      }
      // nodes[i], edges[i], views[i]: jump through the index of the array's elements.
      if (depth === 1 && typeof step === 'number' && typeof path[0] === 'string') {
        const starts = this.elements(path[0], at);
        if (starts === null || step >= starts.length) return at;
        at = starts[step]!;
        s.i = at;
        continue;
      }
      const found = typeof step === 'number' ? s.findIndex(step) : s.findMember(step);
      if (!found) return at;
      s.ws();
      at = s.i;
    }
    return at;
  }

  /** Offsets of the values of the root object's members (empty when the root is no object). */
  private members(rootAt: number): Map<string, number> {
    if (this.rootMembers) return this.rootMembers;
    const found = new Map<string, number>();
    const s = new Scanner(this.text);
    s.i = rootAt;
    if (this.text[s.i] === '{') {
      s.i++;
      for (;;) {
        s.ws();
        if (this.text[s.i] !== '"') break;
        const name = unescapeKey(s.string());
        s.ws();
        s.i++; // ':'
        s.ws();
        if (!found.has(name)) found.set(name, s.i);
        s.value();
        s.ws();
        if (this.text[s.i] !== ',') break;
        s.i++;
      }
    }
    return (this.rootMembers = found);
  }

  /** Offsets of the elements of the top-level array `name` (starting the scan at `arrayAt`), or null. */
  private elements(name: string, arrayAt: number): number[] | null {
    const cached = this.elementIndex.get(name);
    if (cached) return cached;
    const s = new Scanner(this.text);
    s.i = arrayAt;
    if (this.text[s.i] !== '[') return null;
    s.i++;
    const starts: number[] = [];
    s.ws();
    if (this.text[s.i] === ']') return starts;
    for (;;) {
      s.ws();
      starts.push(s.i);
      s.value();
      s.ws();
      if (this.text[s.i] === ',') s.i++;
      else break;
    }
    this.elementIndex.set(name, starts);
    return starts;
  }
}

/** Offsets where each line starts (after \n, \r\n or a lone \r: RFC 8259 allows all three as whitespace). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A cursor over JSON text that skips values without building them (RFC 8259). */
class Scanner {
  i = 0;
  constructor(private readonly t: string) {}

  fail(expected: string): never {
    const got = this.i < this.t.length ? `“${this.t[this.i]}”` : 'the end of the text';
    throw new ScanError(this.i, `expected ${expected}, found ${got}`);
  }

  ws(): void {
    for (;;) {
      const c = this.t.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else return;
    }
  }

  value(): void {
    const c = this.t[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') {
      this.string();
      return;
    }
    for (const word of ['true', 'false', 'null'])
      if (this.t.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.t);
    if (m && m[0].length > 0) {
      this.i += m[0].length;
      return;
    }
    this.fail('a value');
  }

  private object(): void {
    this.i++;
    this.ws();
    if (this.t[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.t[this.i] !== '"') this.fail('a member name in double quotes');
      this.string();
      this.ws();
      if (this.t[this.i] !== ':') this.fail('“:”');
      this.i++;
      this.ws();
      this.value();
      this.ws();
      if (this.t[this.i] === ',') this.i++;
      else if (this.t[this.i] === '}') {
        this.i++;
        return;
      } else this.fail('“,” or “}”');
    }
  }

  private array(): void {
    this.i++;
    this.ws();
    if (this.t[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      this.value();
      this.ws();
      if (this.t[this.i] === ',') this.i++;
      else if (this.t[this.i] === ']') {
        this.i++;
        return;
      } else this.fail('“,” or “]”');
    }
  }

  /** Skips a string; returns its raw text between the quotes (escapes left as they are). */
  string(): string {
    const start = ++this.i;
    for (;;) {
      const c = this.t.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('the closing “"”');
      if (c === 34) break;
      if (c < 32) this.fail('a character (control characters must be escaped)');
      if (c === 92) {
        const e = this.t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.t.slice(this.i + 2, this.i + 6))) {
            this.i += 2;
            this.fail('four hexadecimal digits after \\u');
          }
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          this.i++;
          this.fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        }
        this.i += 2;
        continue;
      }
      this.i++;
    }
    const raw = this.t.slice(start, this.i);
    this.i++;
    return raw;
  }

  /** At an object: moves to the value of member `name` and returns true, or returns false (cursor unspecified). */
  findMember(name: string): boolean {
    if (this.t[this.i] !== '{') return false;
    this.i++;
    for (;;) {
      this.ws();
      if (this.t[this.i] !== '"') return false;
      const raw = this.string();
      this.ws();
      this.i++; // ':'
      this.ws();
      if (unescapeKey(raw) === name) return true;
      this.value();
      this.ws();
      if (this.t[this.i] !== ',') return false;
      this.i++;
    }
  }

  /** At an array: moves to element `index` and returns true, or returns false. */
  findIndex(index: number): boolean {
    if (this.t[this.i] !== '[') return false;
    this.i++;
    for (let k = 0; ; k++) {
      this.ws();
      if (this.t[this.i] === ']') return false;
      if (k === index) return true;
      this.value();
      this.ws();
      if (this.t[this.i] !== ',') return false;
      this.i++;
    }
  }
}

function unescapeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

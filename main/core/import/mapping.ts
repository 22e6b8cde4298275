import { ImportMapping } from '../../../preload/contract';
import { importError } from './messages';

// The mapping's schemas are part of the contract (preload/contract/imports.ts), so the wizard's channels take an
// ImportMapping; parsing a saved file with its messages stays here.
export {
  EdgeEnd,
  EdgeMapping,
  ImportMapping,
  NodeMapping,
  RowCondition,
  ValueSource,
} from '../../../preload/contract';

/**
 * Reads a mapping from its JSON text (or an already parsed value).
 *
 * @param fileName the mapping file's name, for messages
 * @throws WellspringError invalid_input: `mappingNotJson` naming the parser's reason; `mappingVersion` for a
 *   missing or other version; `badMapping` naming the JSON path of the first fault (`nodes[0].kind`) and why
 */
export function parseMapping(json: string | unknown, fileName: string): ImportMapping {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      const reason = (e as Error).message;
      throw importError(
        'invalid_input',
        'mappingNotJson',
        `The mapping ${fileName} is not JSON (${reason}).`,
        { file: fileName, reason },
      );
    }
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== 1) {
    const shown = version === undefined ? 'missing' : JSON.stringify(version);
    throw importError(
      'invalid_input',
      'mappingVersion',
      `The mapping ${fileName} is version ${shown}; this version of Wellspring reads version 1.`,
      { file: fileName, version: shown },
      ['version'],
    );
  }
  const r = ImportMapping.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = jsonPath(issue.path);
  throw importError(
    'invalid_input',
    'badMapping',
    `The mapping ${fileName} is not valid at ${at}: ${issue.message}`,
    { file: fileName, path: at, reason: issue.message },
    issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
  );
}

/** `['nodes', 0, 'kind']` → `nodes[0].kind`; the root is `$`. */
function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
  return s || '$';
}

/** The mapping as the JSON the wizard saves (two-space indented, a final newline). */
export function mappingToJson(mapping: ImportMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

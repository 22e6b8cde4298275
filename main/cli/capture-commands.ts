import fs from 'node:fs';
import {
  AarSubmission,
  ApprenticeSubmission,
  type CaptureFormKind,
  type CaptureResult,
  type NodeKind,
} from '../../preload/contract';
import type { GraphIndex } from '../core/analytics/graph-index';
import { CaptureService } from '../core/capture/capture-service';
import { captureError } from '../core/capture/messages';
import { JsonLocator } from '../core/transfer/json-locator';
import { isWellspringError, WellspringError } from '../core/util/errors';
import { foldText } from '../core/util/text';
import { WorkspaceService } from '../core/workspace/workspace-service';
import { userDataDir } from '../core/workspace/paths';
import type { Out } from './library-commands';

/** The fields of a submission that name nodes, with the kinds they must be. */
const NAMED: Record<string, readonly NodeKind[]> = {
  targetId: ['step', 'process'],
  participantIds: ['expert'],
  ownerId: ['expert'],
  masterId: ['expert'],
  apprenticeId: ['expert'],
};

/**
 * `capture aar|apprentice FORM.json --workspace FILE`: submits a filled capture form from a JSON file, as the app's
 * form does (CaptureService: the workspace's template, ONE undoable operation). The file holds an AarSubmission or
 * ApprenticeSubmission (preload/contract/capture.ts), except that every node may be named by its id or by its exact
 * label or alias (case and width folded): `"targetId": "生产作业"`, `"participantIds": ["吴秀兰"]`. Prints one line
 * per item created or linked (`+ <id>  <label>` / `= <id>  <label>`) and the summary.
 * @returns 0
 * @throws WellspringError naming FORM.json and the line at fault: invalid_input capture:errors.formFileNotJson
 *   {file, line, reason}, .formFileInvalid {file, line, path, reason} (the shape, a name that matches no node or
 *   several, and every refusal of the submission itself, e.g. a required field left empty); io_error
 *   capture:errors.formFileUnreadable; and those of opening the workspace
 */
export async function captureCommand(
  workspace: string,
  form: CaptureFormKind,
  formFile: string,
  out: Out,
): Promise<number> {
  let text: string;
  try {
    text = fs.readFileSync(formFile, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const reason = (e as Error).message;
    throw captureError('io_error', 'formFileUnreadable', `Cannot read ${formFile}: ${reason}`, [], {
      file: formFile,
      reason,
    });
  }
  const locator = new JsonLocator(text);
  const syntax = locator.syntaxError();
  if (syntax)
    throw captureError(
      'invalid_input',
      'formFileNotJson',
      `${formFile}:${syntax.line}: not JSON (${syntax.reason}).`,
      [],
      { file: formFile, line: syntax.line, reason: syntax.reason },
    );
  const bad = (path: Array<string | number>, reason: string) =>
    captureError(
      'invalid_input',
      'formFileInvalid',
      `${formFile}:${locator.lineOf(path)}: ${path.join('.') || 'the form'}: ${reason}`,
      path,
      { file: formFile, line: locator.lineOf(path), path: path.join('.'), reason },
    );

  const ws = new WorkspaceService(userDataDir(), 'node', { watch: false });
  ws.open(workspace);
  try {
    const index = ws.knowledge.index();
    const raw = JSON.parse(text) as unknown;
    const named = resolveNames(raw, index, bad);
    const schema = form === 'aar' ? AarSubmission : ApprenticeSubmission;
    const parsed = schema.safeParse(named);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw bad(
        issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
        issue.message,
      );
    }
    const service = new CaptureService({
      store: ws.store,
      meta: ws.meta,
      index: () => ws.knowledge.index(),
    });
    let result: CaptureResult;
    try {
      result =
        form === 'aar'
          ? service.submitAar(parsed.data as AarSubmission)
          : service.submitApprentice(parsed.data as ApprenticeSubmission);
    } catch (e) {
      if (isWellspringError(e) && e.code === 'invalid_input') throw bad(e.path, e.message);
      if (isWellspringError(e) && e.code === 'not_found') throw bad(e.path, e.message);
      throw e;
    }
    const label = (id: string) => ws.store.findNode(id)?.label ?? id;
    for (const id of result.createdIds) out(`+ ${id}  ${label(id)}`);
    for (const id of result.linkedIds) out(`= ${id}  ${label(id)}`);
    out(result.summary.label);
    return 0;
  } finally {
    await ws.shutdown();
  }
}

/**
 * The submission with every node name of NAMED replaced by its id: an id stays; otherwise the one node of the
 * field's kinds whose label or alias folds (NFKC, case) to the same text.
 * @throws from `bad` when a name matches no node of those kinds or several
 */
function resolveNames(
  raw: unknown,
  index: GraphIndex,
  bad: (path: Array<string | number>, reason: string) => WellspringError,
): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const resolve = (name: unknown, kinds: readonly NodeKind[], path: Array<string | number>): unknown => {
    if (typeof name !== 'string') return name;
    const node = index.node(name);
    if (node && kinds.includes(node.kind)) return name;
    const key = foldText(name.trim());
    const found = kinds.flatMap((k) =>
      index.idsOfKind(k).filter((id) => {
        const n = index.node(id)!;
        return [n.label, ...n.aliases].some((s) => foldText(s.trim()) === key);
      }),
    );
    if (found.length === 1) return found[0];
    throw bad(
      path,
      found.length === 0
        ? `no ${kinds.join(' or ')} is called “${name}” (give its id, name or alias)`
        : `“${name}” names ${found.length} nodes (${found.join(', ')}): give the id`,
    );
  };
  for (const [field, kinds] of Object.entries(NAMED)) {
    const value = copy[field];
    if (Array.isArray(value)) copy[field] = value.map((v, i) => resolve(v, kinds, [field, i]));
    else if (value !== undefined) copy[field] = resolve(value, kinds, [field]);
  }
  return copy;
}

import { useTranslation } from 'react-i18next';
import i18n from '../../../i18n';
import type { EdgeDto, NodeDto, NodePatch } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { useNodeDetail } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { useMapStore } from '../store';
import { useViewerStore } from '../../viewer/store';
import { DraftField } from '../../../ui/DraftField';
import { PropsEditor } from './PropsEditor';
import { saveNode, staleDraft } from '../save-node';
import { NodeHistory } from '../../team/components/NodeHistory';
import { useWorkspaceInfo } from '../../../api/queries';
import { EvidenceProposals } from '../../evidence/components/EvidenceProposals';
import { TermDescriptionField } from '../../glossary/components/TermDescriptionField';

const splitList = (s: string) =>
  s
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Side panel of the selected node: every field editable (saved on blur or Enter), its connections, delete. */
export function NodePanel() {
  const { t } = useTranslation('map');
  const selectedId = useMapStore((s) => s.selectedId);
  const set = useMapStore((s) => s.set);
  const detail = useNodeDetail(selectedId);
  const info = useWorkspaceInfo();

  if (!selectedId || !detail.data) {
    return (
      <aside className="node-panel empty" data-testid="node-panel">
        <p className="muted">{t('panel.empty')}</p>
      </aside>
    );
  }
  const { node, edges, neighbours } = detail.data;
  return (
    <aside className="node-panel" data-testid="node-panel" key={node.id}>
      <div className="panel-head">
        <span className={`kind-dot kind-${node.kind}`} />
        <span className="kind-name">{t(`kinds.${node.kind}`)}</span>
        <button
          className="ghost"
          title={t('ego.focus')}
          onClick={() => set({ ego: { nodeId: node.id, depth: useMapStore.getState().ego?.depth ?? 1 } })}
        >
          ◎ {t('ego.focus')}
        </button>
      </div>
      <NodeFields node={node} />
      <PropsEditor node={node} />
      {node.kind === 'knowledge' && <LinkedDocuments node={node} edges={edges} neighbours={neighbours} />}
      {node.kind === 'knowledge' && <EvidenceProposals knowledgeId={node.id} />}
      <Connections node={node} edges={edges} neighbours={neighbours} />
      {info.data?.team && <NodeHistory nodeId={node.id} />}
      <button className="danger" data-testid="delete-node" onClick={() => set({ confirmDelete: node.id })}>
        {t('panel.deleteNode')}
      </button>
    </aside>
  );
}

function NodeFields({ node }: { node: NodeDto }) {
  const { t } = useTranslation('map');
  const save = (patch: NodePatch) => saveNode(node.id, patch, node.updatedAt);
  // Someone else's edit of this field arrived while it was being typed: show both rather than save over theirs.
  const stale = (patch: NodePatch) => () =>
    staleDraft(node.id, patch, {
      label: node.label,
      description: node.description,
      aliases: node.aliases,
      tags: node.tags,
      props: node.props,
    });
  return (
    <div className="fields">
      <DraftField
        label={t('panel.label')}
        testId="node-label"
        value={node.label}
        onStale={(v) => stale({ label: v.trim() })()}
        onCommit={(v) => {
          // An empty name is refused, and said so: the field goes back to the stored name.
          if (v.trim()) return save({ label: v.trim() });
          useAppStore.getState().notify(i18n.t('common:errors.emptyLabel'), 'error');
        }}
      />
      <DraftField
        label={t('panel.aliases')}
        value={node.aliases.join(', ')}
        onStale={(v) => stale({ aliases: splitList(v) })()}
        onCommit={(v) => save({ aliases: splitList(v) })}
      />
      {/* Glossary terms in the description are underlined, with their definition on hover (issue 10 §3). */}
      <TermDescriptionField
        label={t('panel.description')}
        testId="node-description"
        value={node.description}
        onCommit={(v) => save({ description: v })}
      />
      <DraftField
        label={t('panel.tags')}
        value={node.tags.join(', ')}
        onStale={(v) => stale({ tags: splitList(v) })()}
        onCommit={(v) => save({ tags: splitList(v) })}
      />
    </div>
  );
}

/** The selected node with its incident edges and neighbours, as `graph:get-node` returns it. */
type NodeDetail = { node: NodeDto; edges: EdgeDto[]; neighbours: NodeDto[] };

/** A knowledge item's documents (`documented_by` edges), each opening the viewer at its page. */
function LinkedDocuments({ node, edges, neighbours }: NodeDetail) {
  const { t } = useTranslation('viewer');
  const notify = useAppStore((s) => s.notify);
  const open = useViewerStore((s) => s.open);
  const docs = edges
    .filter((e) => e.kind === 'documented_by' && e.source === node.id)
    .map((e) => ({ edge: e, doc: neighbours.find((n) => n.id === e.target) }))
    .filter((x): x is { edge: EdgeDto; doc: NodeDto } => x.doc !== undefined);
  const openDoc = async (doc: NodeDto, page: number) => {
    const found = await call('library:find-by-path', { path: String(doc.props.path ?? '') }).catch(
      () => null,
    );
    if (found) open({ docId: found.id, page, query: '' });
    else notify(t('notInLibrary'), 'error');
  };
  return (
    <section className="linked-docs" data-testid="linked-docs">
      <h4>{t('documents', { count: docs.length })}</h4>
      {docs.length === 0 && <p className="muted small">{t('noDocuments')}</p>}
      <ul>
        {docs.map(({ edge, doc }) => {
          const page = Number(edge.props.page ?? 1);
          return (
            <li key={edge.id}>
              <span className="kind-dot kind-document" />
              <span className="doc-name" title={String(doc.props.path ?? '')}>
                {doc.label}
              </span>
              <button className="link" onClick={() => void openDoc(doc, page)}>
                {t('openAt', { page })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Connections({ node, edges, neighbours }: NodeDetail) {
  const { t } = useTranslation('map');
  const set = useMapStore((s) => s.set);
  const byId = new Map(neighbours.map((n) => [n.id, n]));
  const notify = useAppStore((s) => s.notify);
  const remove = (id: string) =>
    call('graph:delete-edge', { id }).catch((e: Error) => notify(e.message, 'error'));
  const setProficiency = (id: string, proficiency: number) =>
    call('graph:update-edge', { id, props: { proficiency } }).catch((e: Error) => notify(e.message, 'error'));
  return (
    <section className="connections">
      <h4>{t('panel.neighbours', { count: edges.length })}</h4>
      {edges.length === 0 && <p className="muted">{t('panel.noNeighbours')}</p>}
      <ul data-testid="connections">
        {edges.map((e) => {
          const out = e.source === node.id;
          const other = byId.get(out ? e.target : e.source);
          if (!other) return null;
          return (
            <li key={e.id}>
              <span className="edge-kind">
                {out ? t('panel.outgoing') : t('panel.incoming')} {t(`edgeKinds.${e.kind}`)}
              </span>
              <button className="link" onClick={() => set({ selectedId: other.id })}>
                <span className={`kind-dot kind-${other.kind}`} />
                {other.label}
              </button>
              {e.kind === 'knows' && (
                <select
                  aria-label={t('props.proficiency')}
                  value={Number(e.props.proficiency ?? 3)}
                  onChange={(ev) => void setProficiency(e.id, Number(ev.target.value))}
                >
                  {[1, 2, 3, 4, 5].map((p) => (
                    <option key={p} value={p}>
                      {'★'.repeat(p)}
                    </option>
                  ))}
                </select>
              )}
              <button
                className="icon"
                title={t('panel.removeEdge')}
                aria-label={t('panel.removeEdge')}
                onClick={() => void remove(e.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

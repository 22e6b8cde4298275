import { useTranslation } from 'react-i18next';
import {
  EDGE_KINDS,
  NODE_KINDS,
  type EdgeEnd,
  type EdgeKind,
  type EdgeMapping,
  type ImportMapping,
  type NodeKind,
  type NodeMapping,
  type ValueSource,
} from '../../../../../preload/contract';
import {
  IMPORTABLE_KINDS,
  edgePropsOf,
  fixedKind,
  freeName,
  mappingIssues,
  newEdge,
  nodePropsOf,
  withKind,
  type PropInfo,
} from '../mapping-model';
import { SourcePicker } from './SourcePicker';

type Tx = (key: string, options?: Record<string, unknown>) => string;

/**
 * The mapping step: the node mappings (kind, label, id, aliases, description, tags and the kind's props, each from
 * a column, joined columns or a fixed value) and the connections (kind, and each end: a node of the same row or the
 * node a column names, looked up by id, label or alias), with what keeps the mapping from being checked.
 */
export function MappingStep(props: {
  mapping: ImportMapping;
  header: readonly string[];
  onChange: (m: ImportMapping) => void;
}) {
  const { t } = useTranslation('transfer');
  const tx = t as unknown as Tx;
  const { mapping, header, onChange } = props;
  const nodes = mapping.nodes ?? [];
  const edges = mapping.edges ?? [];
  const setNodes = (n: NodeMapping[]) => onChange({ ...mapping, nodes: n });
  const setEdges = (e: EdgeMapping[]) => onChange({ ...mapping, edges: e });
  const issues = mappingIssues(mapping);
  return (
    <div className="iw-mapping" data-testid="iw-mapping">
      <p className="muted small">{t('wizard.map.intro')}</p>
      <section className="iw-group">
        <div className="iw-group-head">
          <h3>{t('wizard.map.nodes')}</h3>
          <button
            type="button"
            data-testid="iw-add-node"
            onClick={() =>
              setNodes([
                ...nodes,
                {
                  name: freeName(mapping, 'knowledge'),
                  kind: 'knowledge',
                  label: { column: header[0] ?? '' },
                },
              ])
            }
          >
            {t('wizard.map.addNode')}
          </button>
        </div>
        {nodes.map((n, i) => (
          <NodeCard
            key={i}
            index={i}
            mapping={n}
            header={header}
            onChange={(m) => {
              const next = nodes.map((x, j) => (j === i ? m : x));
              // A renamed node mapping: the connections that named it follow.
              const renamed = m.name !== n.name;
              onChange({
                ...mapping,
                nodes: next,
                ...(renamed
                  ? {
                      edges: edges.map((e) => ({
                        ...e,
                        source: e.source.node === n.name ? { ...e.source, node: m.name } : e.source,
                        target: e.target.node === n.name ? { ...e.target, node: m.name } : e.target,
                      })),
                    }
                  : {}),
              });
            }}
            onRemove={() =>
              onChange({
                ...mapping,
                nodes: nodes.filter((_, j) => j !== i),
                edges: edges.filter((e) => e.source.node !== n.name && e.target.node !== n.name),
              })
            }
          />
        ))}
      </section>
      <section className="iw-group">
        <div className="iw-group-head">
          <h3>{t('wizard.map.edges')}</h3>
          <button
            type="button"
            data-testid="iw-add-edge"
            onClick={() => setEdges([...edges, newEdge(mapping, header)])}
          >
            {t('wizard.map.addEdge')}
          </button>
        </div>
        {edges.map((e, i) => (
          <EdgeCard
            key={i}
            index={i}
            edge={e}
            nodes={nodes}
            header={header}
            onChange={(m) => setEdges(edges.map((x, j) => (j === i ? m : x)))}
            onRemove={() => setEdges(edges.filter((_, j) => j !== i))}
          />
        ))}
      </section>
      {issues.length > 0 && (
        <ul className="iw-issues" role="status" data-testid="iw-mapping-issues">
          {issues.map((issue, i) => (
            <li key={i}>{tx(`wizard.map.${issue.key}`, issue.params)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NodeCard(props: {
  index: number;
  mapping: NodeMapping;
  header: readonly string[];
  onChange: (m: NodeMapping) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('transfer');
  const tx = t as unknown as Tx;
  const { mapping: m, header, onChange, index } = props;
  const kind = fixedKind(m);
  const id = `iw-node-${index}`;
  const set = (field: 'label' | 'id' | 'aliases' | 'description' | 'tags', v: NodeMapping['label']) => {
    const next = { ...m };
    if (v === undefined) delete next[field];
    else next[field] = v;
    onChange(next);
  };
  const setProps = (p: NodeMapping['props']) => {
    const next: NodeMapping = { ...m, props: p };
    if (p === undefined) delete next.props;
    onChange(next);
  };
  return (
    <fieldset className="iw-card" data-testid="iw-node" data-name={m.name}>
      <div className="iw-card-head">
        <label>
          {t('wizard.map.name')}
          <input
            value={m.name}
            maxLength={64}
            data-testid={`${id}-name`}
            onChange={(e) => onChange({ ...m, name: e.target.value })}
          />
        </label>
        <label>
          {t('wizard.map.kind')}
          {kind || typeof m.kind === 'string' ? (
            <select
              value={typeof m.kind === 'string' ? m.kind : ''}
              data-testid={`${id}-kind`}
              onChange={(e) => onChange(withKind(m, e.target.value as NodeKind))}
            >
              {(kind && !(IMPORTABLE_KINDS as readonly NodeKind[]).includes(kind)
                ? NODE_KINDS
                : IMPORTABLE_KINDS
              ).map((k) => (
                <option key={k} value={k}>
                  {tx(`map:kinds.${k}`)}
                </option>
              ))}
            </select>
          ) : (
            <span className="iw-readonly">
              {t('wizard.map.kindFromColumn', { column: typeof m.kind === 'string' ? '' : m.kind.column })}
            </span>
          )}
        </label>
        <span className="spacer" />
        <button type="button" className="ghost" data-testid={`${id}-remove`} onClick={props.onRemove}>
          {t('wizard.map.remove')}
        </button>
      </div>
      <div className="iw-fields">
        {(['label', 'id', 'aliases', 'description', 'tags'] as const).map((f) => (
          <SourcePicker
            key={f}
            label={t(`wizard.map.fields.${f}`)}
            value={m[f]}
            header={header}
            onChange={(v) => set(f, v)}
            testId={`${id}-${f}`}
          />
        ))}
      </div>
      {kind && nodePropsOf(kind).length > 0 && (
        <details className="iw-props" open={Object.keys(m.props ?? {}).length > 0}>
          <summary>{t('wizard.map.props')}</summary>
          <PropPickers
            props={nodePropsOf(kind)}
            values={m.props}
            header={header}
            testId={`${id}-prop`}
            onChange={setProps}
          />
        </details>
      )}
      <label className="iw-check">
        <input
          type="checkbox"
          checked={m.repeated === true}
          data-testid={`${id}-repeated`}
          onChange={(e) => {
            const next = { ...m };
            if (e.target.checked) next.repeated = true;
            else delete next.repeated;
            onChange(next);
          }}
        />
        {t('wizard.map.repeated')}
      </label>
    </fieldset>
  );
}

function EdgeCard(props: {
  index: number;
  edge: EdgeMapping;
  nodes: readonly NodeMapping[];
  header: readonly string[];
  onChange: (e: EdgeMapping) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('transfer');
  const tx = t as unknown as Tx;
  const { edge: e, header, onChange, index } = props;
  const id = `iw-edge-${index}`;
  const setProps = (p: EdgeMapping['props']) => {
    const next: EdgeMapping = { ...e, props: p };
    if (p === undefined) delete next.props;
    onChange(next);
  };
  const known = new Set(edgePropsOf(e.kind).map((p) => p.name));
  return (
    <fieldset className="iw-card" data-testid="iw-edge">
      <div className="iw-card-head">
        <label>
          {t('wizard.map.kind')}
          <select
            value={e.kind}
            data-testid={`${id}-kind`}
            onChange={(ev) => {
              const kind = ev.target.value as EdgeKind;
              const props = Object.fromEntries(
                Object.entries(e.props ?? {}).filter(([k]) => edgePropsOf(kind).some((p) => p.name === k)),
              );
              const next: EdgeMapping = { ...e, kind };
              if (Object.keys(props).length) next.props = props;
              else delete next.props;
              onChange(next);
            }}
          >
            {EDGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {tx(`map:edgeKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" className="ghost" data-testid={`${id}-remove`} onClick={props.onRemove}>
          {t('wizard.map.remove')}
        </button>
      </div>
      <div className="iw-ends">
        <EndPicker
          label={t('wizard.map.source')}
          end={e.source}
          nodes={props.nodes}
          header={header}
          testId={`${id}-source`}
          onChange={(source) => onChange({ ...e, source })}
        />
        <span className="iw-arrow" aria-hidden="true">
          →
        </span>
        <EndPicker
          label={t('wizard.map.target')}
          end={e.target}
          nodes={props.nodes}
          header={header}
          testId={`${id}-target`}
          onChange={(target) => onChange({ ...e, target })}
        />
      </div>
      {known.size > 0 && (
        <PropPickers
          props={edgePropsOf(e.kind)}
          values={e.props}
          header={header}
          testId={`${id}-prop`}
          onChange={setProps}
        />
      )}
    </fieldset>
  );
}

/**
 * Where each prop of a node or connection kind comes from, one SourcePicker per prop (test id
 * `<testId>-<prop>`). `onChange` gets the props with the one picked changed — a prop set to nothing is left out,
 * and `undefined` when none is left.
 */
function PropPickers(props: {
  props: readonly PropInfo[];
  values: Record<string, ValueSource> | undefined;
  header: readonly string[];
  testId: string;
  onChange: (values: Record<string, ValueSource> | undefined) => void;
}) {
  const { t } = useTranslation('transfer');
  const tx = t as unknown as Tx;
  const { values, onChange } = props;
  const set = (name: string, v: ValueSource | undefined) => {
    const next = { ...(values ?? {}) };
    if (v === undefined) delete next[name];
    else next[name] = v;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <div className="iw-fields">
      {props.props.map((p) => (
        <SourcePicker
          key={p.name}
          label={tx(`map:props.${p.name}`)}
          value={values?.[p.name]}
          header={props.header}
          prop={p}
          onChange={(v) => set(p.name, v)}
          testId={`${props.testId}-${p.name}`}
        />
      ))}
    </div>
  );
}

/** One end of a connection: a node mapping of the row, or a column whose cells name nodes (with how to look up). */
function EndPicker(props: {
  label: string;
  end: EdgeEnd;
  nodes: readonly NodeMapping[];
  header: readonly string[];
  testId: string;
  onChange: (end: EdgeEnd) => void;
}) {
  const { t } = useTranslation('transfer');
  const tx = t as unknown as Tx;
  const { end, nodes, header, onChange } = props;
  const value = end.node !== undefined ? `node:${end.node}` : `col:${end.column ?? ''}`;
  return (
    <div className="iw-end" data-testid={props.testId}>
      <label>
        {props.label}
        <select
          value={value}
          data-testid={`${props.testId}-pick`}
          onChange={(e) => {
            const v = e.target.value;
            if (v.startsWith('node:')) onChange({ node: v.slice(5) });
            else
              onChange({
                column: v.slice(4),
                ...(end.match ? { match: end.match } : {}),
                ...(end.kind ? { kind: end.kind } : {}),
              });
          }}
        >
          {nodes.map((n) => (
            <option key={n.name} value={`node:${n.name}`}>
              {t('wizard.map.endNode', { name: n.name })}
            </option>
          ))}
          {header
            .filter((h) => h.trim())
            .map((h) => (
              <option key={h} value={`col:${h}`}>
                {t('wizard.map.endColumn', { column: h })}
              </option>
            ))}
          {end.node !== undefined && !nodes.some((n) => n.name === end.node) && (
            <option value={value}>{end.node}</option>
          )}
        </select>
      </label>
      {end.column !== undefined && (
        <>
          <label>
            {t('wizard.map.matchBy')}
            <select
              value={end.match ?? 'label'}
              data-testid={`${props.testId}-match`}
              onChange={(e) => onChange({ ...end, match: e.target.value as 'id' | 'label' | 'alias' })}
            >
              {(['label', 'alias', 'id'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`wizard.map.match.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('wizard.map.kind')}
            <select
              value={end.kind ?? ''}
              data-testid={`${props.testId}-kind`}
              onChange={(e) => {
                const next = { ...end };
                if (e.target.value) next.kind = e.target.value as NodeKind;
                else delete next.kind;
                onChange(next);
              }}
            >
              <option value="">{t('wizard.map.anyKind')}</option>
              {NODE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tx(`map:kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeFinder, type FinderKind } from './NodeFinder';

/**
 * The side list beside the pipeline: knowledge items, templates and experts to drag onto a step. Dropped
 * above or on a step, knowledge is required by it; below it, produced; an expert is consulted.
 */
export function SidePalette() {
  const { t } = useTranslation('processes');
  const [kind, setKind] = useState<FinderKind>('knowledge');
  return (
    <aside className="side-palette" data-testid="side-palette">
      <div className="group">
        {(['knowledge', 'template', 'expert'] as const).map((k) => (
          <button
            key={k}
            className={kind === k ? 'pressed' : ''}
            aria-pressed={kind === k}
            data-testid={`palette-${k}`}
            onClick={() => setKind(k)}
          >
            {t(`finder.kind.${k}`)}
          </button>
        ))}
      </div>
      <p className="muted small">{t('finder.dropHint')}</p>
      <NodeFinder key={kind} kind={kind} limit={80} testId="palette-finder" />
    </aside>
  );
}

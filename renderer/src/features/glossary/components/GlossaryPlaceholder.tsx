import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GraphFilter } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { keys } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { useMapStore } from '../../map/store';

const TERMS: GraphFilter = { kinds: ['term'] };
/** On the map, terms with what they define. */
const TERMS_ON_MAP: GraphFilter = { kinds: ['term', 'knowledge', 'category'] };

/**
 * The glossary tab until the glossary editor arrives: says so, with the number of terms the workspace has
 * (graph:get of the terms, refreshed by every graph change) and a way to see them on the map.
 */
export function GlossaryPlaceholder() {
  const { t } = useTranslation('taxonomy');
  const terms = useQuery({
    queryKey: keys.graph(TERMS),
    queryFn: () => call('graph:get', { filter: TERMS }),
  });
  const count = terms.data?.nodes.length;
  return (
    <div className="empty-view" data-testid="glossary-placeholder">
      <div className="empty-card">
        <h2>{t('glossary.title')}</h2>
        <p>{t('glossary.text')}</p>
        {count !== undefined && (
          <p className="muted" data-testid="glossary-term-count" data-count={count}>
            {count > 0 ? t('glossary.count', { count }) : t('glossary.none')}
          </p>
        )}
        {count !== undefined && count > 0 && (
          <button
            className="primary"
            onClick={() => {
              useMapStore.getState().set({ filter: TERMS_ON_MAP, ego: null });
              useAppStore.getState().setView('map');
            }}
          >
            {t('glossary.openMap')}
          </button>
        )}
      </div>
    </div>
  );
}

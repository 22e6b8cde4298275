import { useTranslation } from 'react-i18next';
import { useAppStore, type View } from '../../app/store';

/** Honest empty state for a view a later release fills: says so and points to the map. */
export function EmptyView({ view }: { view: Exclude<View, 'map' | 'library'> }) {
  const { t } = useTranslation();
  const setView = useAppStore((s) => s.setView);
  return (
    <div className="empty-view" data-testid={`view-${view}`}>
      <div className="empty-card">
        <h2>{t('empty.title', { view: t(`nav.${view}`) })}</h2>
        <p>{t('empty.body')}</p>
        <button className="primary" onClick={() => setView('map')}>
          {t('empty.goMap')}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useNodeDetail } from '../../../api/queries';
import { useMapStore } from '../store';

/** While an ego graph is shown: its centre, a depth slider (1–4) and the way back to the whole map. */
export function EgoBar() {
  const { t } = useTranslation('map');
  const { ego, set } = useMapStore();
  const centre = useNodeDetail(ego?.nodeId ?? null);
  if (!ego) return null;
  return (
    <div className="ego-bar" data-testid="ego-bar">
      <strong>{t('ego.of', { label: centre.data?.node.label ?? '…' })}</strong>
      <label>
        {t('ego.depth', { depth: ego.depth })}
        <input
          type="range"
          min={1}
          max={4}
          value={ego.depth}
          data-testid="ego-depth"
          onChange={(e) => set({ ego: { ...ego, depth: Number(e.target.value) } })}
        />
      </label>
      <button onClick={() => set({ ego: null })}>{t('ego.showAll')}</button>
    </div>
  );
}

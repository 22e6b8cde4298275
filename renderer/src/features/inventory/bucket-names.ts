/**
 * What a bucket of the inventory is called in the UI language. The core sends raw keys for kinds and values
 * (`knowledge`, `tacit`, `system`, `externalisation`) and labels for categories and owners; kinds and values reuse
 * the map's translations (map.json `kinds`, `values`), so the dashboard names them as the map's editor does, and
 * health lists and the "none" buckets take the exported files' words (reports.json `inventory`), so a list's
 * title on screen and in its CSV agree.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthKey, InventoryBucket, InventoryFacet, NodeKind } from '../../../../preload/contract';
import enMap from '../../i18n/locales/en/map.json';

type MapValue = keyof typeof enMap.values;
const isMapValue = (v: string): v is MapValue => Object.hasOwn(enMap.values, v);
const isKind = (v: string): v is NodeKind => Object.hasOwn(enMap.kinds, v);
const isHealth = (v: string): v is HealthKey =>
  ['stale', 'orphan', 'unowned', 'single-holder', 'tacit-only'].includes(v);

/**
 * A function naming a bucket of `facet`: kinds and values translated (an unknown value is shown as it is),
 * categories and owners by their label, and the null bucket as "uncategorised" / "unowned" / "none recorded".
 */
export function useBucketName(): (
  facet: InventoryFacet,
  bucket: Pick<InventoryBucket, 'key' | 'label'>,
) => string {
  const { t } = useTranslation(['inventory', 'map', 'reports']);
  return useCallback(
    (facet, { key, label }) => {
      if (key === null) {
        if (facet === 'category' || facet === 'owner' || facet === 'seci')
          return t(`reports:inventory.none.${facet}`);
        return t('inventory:none.recorded');
      }
      if (facet === 'kind') return isKind(key) ? t(`map:kinds.${key}`) : label;
      if (facet === 'health') return isHealth(key) ? t(`reports:inventory.health.${key}`) : label;
      if (facet === 'form' || facet === 'existence' || facet === 'seci')
        return isMapValue(key) ? t(`map:values.${key}`) : label;
      return label;
    },
    [t],
  );
}

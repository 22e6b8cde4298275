import { useTranslation } from 'react-i18next';
import type { InventoryFacet } from '../../../../preload/contract';
import { useBucketName } from './bucket-names';
import type { TotalId } from './totals';
import type { TrendSeries } from './trend-option';

/**
 * The list the dashboard is asked to show: a facet and a bucket key (null: "none recorded"), where the request
 * came from, and the bucket's label as shown then (categories and owners are named by it; kinds and values are
 * translated again from the key, so the title follows a change of language while the list is open).
 */
export interface ListRequest {
  facet: InventoryFacet;
  key: string | null;
  label: string;
  /** A chart's bar, slice or bucket button; a total card; a point of the trend's line. */
  from: 'chart' | { total: TotalId } | { trend: TrendSeries };
}

/** The list's title in the UI language: "chart: bucket" (按节点类型：知识条目, Totals: Tacit, Weekly trend: Tacit (today)). */
export function useListTitle(request: ListRequest): string {
  const { t } = useTranslation('inventory');
  const name = useBucketName();
  const { from } = request;
  if (from === 'chart')
    return t('list.title', { chart: t(`charts.${request.facet}`), bucket: name(request.facet, request) });
  if ('total' in from)
    return t('list.title', { chart: t('totals.label'), bucket: t(`totals.${from.total}`) });
  return t('list.title', {
    chart: t('charts.trend'),
    bucket: t('trend.today', { series: t(`trend.${from.trend}`) }),
  });
}

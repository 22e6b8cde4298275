import { useTranslation } from 'react-i18next';
import type { ExpertArea } from '../../../../../preload/contract';
import { useStrengthBands } from '../../../api/queries';
import { StrengthChip } from '../../../ui/StrengthChip';
import { ProficiencyDots } from './ProficiencyDots';

/** An expert's areas, read-only: item or category, proficiency, form, importance, strength, categories, others. */
export function AreasTable({ areas }: { areas: readonly ExpertArea[] }) {
  const { t } = useTranslation('experts');
  const bands = useStrengthBands(areas.some((a) => a.kind === 'knowledge'));
  if (areas.length === 0) return <p className="muted small">{t('areas.none')}</p>;
  return (
    <table className="areas-table" data-testid="areas-table">
      <thead>
        <tr>
          <th>{t('areas.area')}</th>
          <th>{t('areas.proficiency')}</th>
          <th>{t('areas.form')}</th>
          <th title={t('areas.importanceTitle')}>{t('areas.importance')}</th>
          <th>{t('areas.strength')}</th>
          <th>{t('areas.categories')}</th>
          <th title={t('areas.othersTitle')}>{t('areas.others')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr key={a.edgeId} data-testid="area-row" data-id={a.id}>
            <td>
              <span className={`kind-dot kind-${a.kind}`} title={t(`kind.${a.kind}`)} /> {a.label}
            </td>
            <td>
              <ProficiencyDots value={a.proficiency} />
            </td>
            <td>{a.form ? t(`form.${a.form}`) : '—'}</td>
            <td>{a.importance ?? '—'}</td>
            <td>
              {a.kind === 'knowledge' ? (
                <StrengthChip strength={a.strength} band={bands.data?.get(a.id) ?? 'none'} />
              ) : (
                '—'
              )}
            </td>
            <td className="small">{a.categories.join('、') || '—'}</td>
            <td className={a.othersCapable === 0 ? 'sole small' : 'small'}>
              {t('areas.othersValue', { capable: a.othersCapable, atTwo: a.othersAtTwo })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

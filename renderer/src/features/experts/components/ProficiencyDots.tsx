import { useTranslation } from 'react-i18next';

/** A proficiency (1–5, or 0 for none) as five dots with the number beside them. */
export function ProficiencyDots({ value }: { value: number }) {
  const { t } = useTranslation('experts');
  return (
    <span className="prof-dots" data-value={value} aria-label={t('proficiency.label', { value })}>
      <span aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={i <= value ? 'dot on' : 'dot'} />
        ))}
      </span>
      <span className="prof-num">{value}</span>
    </span>
  );
}

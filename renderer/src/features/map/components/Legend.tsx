import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS } from '../../../../../preload/contract';

/** Node kinds with their colour and shape, plus the tacit-knowledge border; collapsible. */
export function Legend() {
  const { t } = useTranslation('map');
  const [open, setOpen] = useState(true);
  return (
    <div className="legend" data-testid="legend">
      <button className="legend-title" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('legend.title')} {open ? '▾' : '▸'}
      </button>
      {open && (
        <ul>
          {NODE_KINDS.map((k) => (
            <li key={k}>
              <span className={`kind-dot kind-${k} shape-${k}`} />
              {t(`kinds.${k}`)}
            </li>
          ))}
          <li>
            <span className="kind-dot kind-knowledge tacit" />
            {t('kinds.knowledge')} · {t('values.tacit')}
          </li>
        </ul>
      )}
    </div>
  );
}

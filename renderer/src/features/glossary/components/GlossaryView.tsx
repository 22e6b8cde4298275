import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TaxonomyEditor } from '../../taxonomy/components/TaxonomyEditor';
import { GLOSSARY_TABS, useGlossaryStore } from '../store';
import '../glossary.css';
import { GlossaryEditor } from './GlossaryEditor';

/**
 * The Glossary view (DESIGN §5.7): two tabs, 词典 / Glossary (the knowledge dictionary's editor) and 分类体系 /
 * Taxonomy (the category tree editor). A tab list: ←/→ Home/End move between the
 * tabs; the open tab is remembered while the app runs.
 */
export function GlossaryView() {
  const { t } = useTranslation('taxonomy');
  const { tab, set } = useGlossaryStore();
  const tabsRef = useRef<HTMLDivElement>(null);
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = GLOSSARY_TABS.indexOf(tab);
    const n = GLOSSARY_TABS.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    set({ tab: GLOSSARY_TABS[next]! });
    tabsRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div className="glossary-view" data-testid="view-glossary">
      <div className="glossary-header">
        <h2>{t('view.title')}</h2>
        <div
          ref={tabsRef}
          className="group tabs"
          role="tablist"
          aria-label={t('view.title')}
          onKeyDown={onTabKey}
        >
          {GLOSSARY_TABS.map((k) => (
            <button
              key={k}
              role="tab"
              id={`glossary-tab-${k}`}
              aria-selected={tab === k}
              aria-controls="glossary-tabpanel"
              tabIndex={tab === k ? 0 : -1}
              className={tab === k ? 'pressed' : ''}
              data-testid={`glossary-tab-${k}`}
              onClick={() => set({ tab: k })}
            >
              {t(`view.tabs.${k}`)}
            </button>
          ))}
        </div>
      </div>
      <div
        className="glossary-body"
        id="glossary-tabpanel"
        role="tabpanel"
        aria-labelledby={`glossary-tab-${tab}`}
      >
        {tab === 'glossary' ? <GlossaryEditor /> : <TaxonomyEditor />}
      </div>
    </div>
  );
}

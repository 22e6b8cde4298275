import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTermDto } from '../../../../../preload/contract';
import { selectTerm, useGlossaryStore } from '../store';
import { groupTerms } from '../term-list';

/** The first line of a definition, cut at `max` characters. */
function excerpt(definition: string, max = 80): string {
  const line = definition.split('\n')[0]!.trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The term list: the filter and sort of the store applied, under group headings (A–Z, Chinese by pinyin) when
 * sorted by term. Each row shows the term, its English name, synonyms, the definition's first line and what it
 * defines. A listbox: ↑/↓ Home/End move the selection, the selected row is the tab stop.
 */
export function TermList({ terms }: { terms: readonly GlossaryTermDto[] }) {
  const { t } = useTranslation('glossary');
  const { query, sort, selectedId, set } = useGlossaryStore();
  const groups = useMemo(() => groupTerms(terms, query, sort), [terms, query, sort]);
  const flat = groups.flatMap((g) => g.terms);
  const listRef = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = flat.findIndex((x) => x.id === selectedId);
    const next =
      e.key === 'ArrowDown'
        ? Math.min(flat.length - 1, i + 1)
        : e.key === 'ArrowUp'
          ? Math.max(0, i - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? flat.length - 1
              : -2;
    if (next === -2 || flat.length === 0) return;
    e.preventDefault();
    const id = flat[next]!.id;
    selectTerm(id);
    listRef.current?.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  };
  const focusable = flat.some((x) => x.id === selectedId) ? selectedId : flat[0]?.id;
  return (
    <>
      <p className="gl-count small muted" data-testid="glossary-term-count" data-count={terms.length}>
        {t('list.count', { shown: flat.length, count: terms.length })}
      </p>
      <div
        ref={listRef}
        className="gl-list"
        role="listbox"
        aria-label={t('list.label')}
        data-testid="gl-list"
        onKeyDown={onKey}
      >
        {flat.length === 0 && (
          <div className="gl-no-match muted">
            <p>{t('list.noMatch', { query })}</p>
            <button className="link" onClick={() => set({ query: '' })}>
              {t('list.clear')}
            </button>
          </div>
        )}
        {groups.map((g) => (
          <div key={g.heading ?? 'all'} role="group" aria-label={g.heading ?? undefined}>
            {g.heading && (
              <div className="gl-group" aria-hidden="true">
                {g.heading}
              </div>
            )}
            {g.terms.map((term) => {
              const selected = term.id === selectedId;
              const en = term.translations.en;
              return (
                <div
                  key={term.id}
                  role="option"
                  aria-selected={selected}
                  tabIndex={term.id === focusable ? 0 : -1}
                  className={`gl-row${selected ? ' active' : ''}`}
                  data-testid="gl-row"
                  data-id={term.id}
                  onClick={() => selectTerm(term.id)}
                >
                  <div className="gl-row-head">
                    <span className="gl-term">{term.label}</span>
                    {en && <span className="gl-en">{en}</span>}
                    <span className="spacer" />
                    {term.defines.length > 0 && (
                      <span className="gl-badge" title={term.defines.map((d) => d.label).join('、')}>
                        {t('list.defines', { count: term.defines.length })}
                      </span>
                    )}
                  </div>
                  {term.synonyms.length > 0 && (
                    <div className="gl-synonyms small">
                      {term.synonyms.map((s) => (
                        <span key={s} className="gl-chip small">
                          {s}
                        </span>
                      ))}
                    </div>
                  )}
                  <div className={`gl-excerpt small${term.definition ? '' : ' muted'}`}>
                    {term.definition ? excerpt(term.definition) : t('list.noDefinition')}
                  </div>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}

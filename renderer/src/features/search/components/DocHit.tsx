import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SearchFilters, SearchResultDto } from '../../../../../preload/contract';
import { call } from '../../../api/client';
import { Highlighted } from './Highlighted';
import { LinkToItem } from './LinkToItem';

/** The most pages one "show more" asks for (the channel's `pagesPerDoc` maximum). */
const MAX_PAGES = 1000;

/**
 * One document of the search results: its best pages with snippets, and "show N more pages" when more pages
 * matched than the search listed. The rest is asked for on demand, as a search of this document alone with every
 * matching page (`pagesPerDoc`), so the first answer stays small.
 */
export function DocHit({
  hit,
  query,
  filters,
  expand,
  convertScript,
  onOpen,
}: {
  hit: SearchResultDto['docs'][number];
  query: string;
  filters: SearchFilters;
  /** Glossary expansion on (the dialog's switch): the document's other pages are searched the same way. */
  expand: boolean;
  /** Simplified ↔ Traditional on (the dialog's switch): likewise. */
  convertScript: boolean;
  onOpen: (page: number) => void;
}) {
  const { t } = useTranslation('search');
  const [expanded, setExpanded] = useState(false);
  const all = useQuery({
    queryKey: ['search:query', query, filters, 'doc', hit.doc.id, hit.matchingPages, expand, convertScript],
    queryFn: () =>
      call('search:query', {
        query,
        expand,
        convertScript,
        limit: 1,
        pagesPerDoc: Math.min(MAX_PAGES, hit.matchingPages),
        filters: { ...filters, docIds: [hit.doc.id], nodes: false },
      }),
    enabled: expanded,
  });
  const pages = (expanded && all.data?.docs[0]?.pages) || hit.pages;
  // Once the rest has come, everything that could be listed is: no button, even if fewer pages came than counted.
  const hidden = expanded && all.data ? 0 : Math.min(MAX_PAGES, hit.matchingPages) - pages.length;
  return (
    <article className="doc-hit" data-testid="doc-hit">
      <div className="doc-hit-head">
        <strong>{hit.doc.name}</strong>
        {/* A multi-term query whose terms this document holds on different pages (ranked after same-page hits). */}
        {(hit.together === 'near' || hit.together === 'apart') && (
          <span className="status-badge" data-testid="doc-hit-together">
            {t(`together.${hit.together}`)}
          </span>
        )}
        <span className="muted small" title={hit.doc.path}>
          {hit.doc.path}
        </span>
      </div>
      {pages.map((p) => (
        <div key={p.page} className="page-hit">
          <button className="link page-no" data-testid="page-hit" onClick={() => onOpen(p.page)}>
            {t('page', { page: p.page })}
          </button>
          {hit.doc.ocrPages?.includes(p.page) && (
            <span
              className="status-badge ocr-badge"
              data-testid="ocr-badge"
              title={t('ocr.badgeTitle', { ns: 'library' })}
            >
              {t('ocr.badge', { ns: 'library' })}
            </span>
          )}
          <div className="snippets">
            {p.snippets.map((s, i) => (
              <p key={i}>
                <Highlighted text={s.text} ranges={s.highlights} />
              </p>
            ))}
          </div>
          <LinkToItem doc={hit.doc} page={p.page} />
        </div>
      ))}
      {hidden > 0 && (
        <button
          className="link small show-more"
          data-testid="more-pages"
          disabled={all.isFetching}
          onClick={() => (expanded ? void all.refetch() : setExpanded(true))}
        >
          {all.isFetching ? t('loadingMore') : t('morePages', { count: hidden })}
        </button>
      )}
    </article>
  );
}

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { LayerTermCards } from '../../glossary/components/LayerTermCards';
import { TermText } from '../../glossary/components/TermText';
import { underlineTermsInLayer } from '../../glossary/text-layer-terms';
import { LinkToItem } from '../../search/components/LinkToItem';
import type { PdfView } from '../engine/pdf-view';
import { findRanges, queryTerms } from '../highlight';
import { useViewerStore } from '../store';

/** Shows a library file at a page with the query's hits marked: PDFs through pdf.js, other formats as text. */
export function DocumentViewer() {
  const { t } = useTranslation('viewer');
  const target = useViewerStore((s) => s.target);
  const { close, setPage } = useViewerStore();
  const doc = useQuery({
    queryKey: ['library:document', target?.docId],
    queryFn: () => call('library:document', { id: target!.docId }),
    enabled: target !== null,
  });
  useEffect(() => {
    if (!target) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target, close]);
  if (!target) return null;
  const d = doc.data;
  const count = d?.pageCount ?? 1;
  const isPdf = d?.ext === 'pdf';
  // The page's text was recognised by OCR (a scanned PDF page, an image file).
  const ocr = d?.ocrPages?.includes(target.page) ?? false;
  return (
    <div className="viewer-backdrop" data-testid="viewer">
      <div className="viewer" role="dialog" aria-label={d?.name ?? ''}>
        <header className="viewer-head">
          <strong title={d?.path}>{d?.name ?? t('loading')}</strong>
          <button aria-label={t('prev')} disabled={target.page <= 1} onClick={() => setPage(target.page - 1)}>
            ‹
          </button>
          <span data-testid="viewer-page">{t('page', { page: target.page, count })}</span>
          <button
            aria-label={t('next')}
            disabled={target.page >= count}
            onClick={() => setPage(target.page + 1)}
          >
            ›
          </button>
          <span className="spacer" />
          {d && <LinkToItem doc={d} page={target.page} />}
          <button className="icon" aria-label="×" onClick={close}>
            ×
          </button>
        </header>
        <div className="viewer-body">
          {ocr && (
            <p className="ocr-notice" role="note" data-testid="ocr-notice">
              {t('ocrNotice')}
            </p>
          )}
          {d && isPdf && <PdfPage docId={d.id} page={target.page} query={target.query} ocr={ocr} />}
          {/* An image file (PNG, JPEG; Chromium shows no TIFF) above the text OCR read in it. */}
          {d && (d.mime === 'image/png' || d.mime === 'image/jpeg') && <ImagePage docId={d.id} />}
          {/* A scanned page has no text layer to mark hits in: its OCR text is shown below the page, marked. */}
          {d && (!isPdf || ocr) && (
            <TextPage docId={d.id} page={target.page} query={target.query} ocr={ocr} />
          )}
        </div>
      </div>
    </div>
  );
}

function PdfPage({ docId, page, query, ocr }: { docId: number; page: number; query: string; ocr: boolean }) {
  const { t } = useTranslation('viewer');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement | null>(null);
  // The layer as state too, for the glossary's hover cards, which listen on it.
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);
  const layerCallbackRef = useCallback((el: HTMLDivElement | null) => {
    layerRef.current = el;
    setLayer(el);
  }, []);
  const viewRef = useRef<PdfView | null>(null);
  const [ready, setReady] = useState(false);
  const [hits, setHits] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const terms = useMemo(() => queryTerms(query), [query]);

  useLayoutEffect(() => {
    let view: PdfView | null = null;
    let alive = true;
    // pdf.js is loaded on first use: it is large and most sessions never open a PDF.
    Promise.all([import('../engine/pdf-view'), call('library:file-data', { id: docId })])
      .then(([m, f]) => {
        if (!alive) return;
        view = new m.PdfView();
        viewRef.current = view;
        return view.open(Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)));
      })
      .then(() => alive && setReady(true))
      .catch((e: Error) => alive && setError(e.message));
    return () => {
      alive = false;
      view?.destroy();
      viewRef.current = null;
    };
  }, [docId]);

  useEffect(() => {
    if (!ready || !viewRef.current || !canvasRef.current || !layerRef.current) return;
    const width = Math.min(900, (canvasRef.current.parentElement?.parentElement?.clientWidth ?? 800) - 40);
    let alive = true;
    viewRef.current
      .render(page, canvasRef.current, layerRef.current, width, terms)
      .then((n) => {
        if (!alive) return;
        setHits(n);
        layerRef.current?.querySelector('mark.hit')?.scrollIntoView({ block: 'center' });
        // Glossary terms underlined in the text layer, the hits left as they are (issue 10 §3).
        if (layerRef.current) void underlineTermsInLayer(layerRef.current).catch(() => undefined);
      })
      .catch((e: Error) => alive && setError(e.message));
    return () => {
      alive = false;
    };
  }, [ready, page, terms]);

  if (error) return <p className="error-text">{error}</p>;
  return (
    <div className="pdf-page-wrap">
      {!ready && <p className="muted">{t('loading')}</p>}
      {hits !== null && terms.length > 0 && !ocr && (
        <p className="muted small" data-testid="viewer-hits">
          {t('hits', { count: hits })}
        </p>
      )}
      <div className="pdf-page">
        <canvas ref={canvasRef} data-testid="pdf-canvas" />
        <div ref={layerCallbackRef} className="textLayer" data-testid="pdf-text-layer" />
        <LayerTermCards container={layer} />
      </div>
    </div>
  );
}

/** An image file as it is, scaled to the viewer's width. */
function ImagePage({ docId }: { docId: number }) {
  const file = useQuery({
    queryKey: ['library:file-data', docId],
    queryFn: () => call('library:file-data', { id: docId }),
  });
  if (file.isError) return <p className="error-text">{file.error.message}</p>;
  if (!file.data) return null;
  return (
    <img
      className="image-page"
      data-testid="image-page"
      alt=""
      src={`data:${file.data.mime ?? 'image/png'};base64,${file.data.base64}`}
    />
  );
}

function TextPage({ docId, page, query, ocr }: { docId: number; page: number; query: string; ocr: boolean }) {
  const { t } = useTranslation('viewer');
  const text = useQuery({
    queryKey: ['library:page-text', docId, page],
    queryFn: () => call('library:page-text', { id: docId, page }),
  });
  const ranges = useMemo(() => findRanges(text.data?.text ?? '', queryTerms(query)), [text.data, query]);
  useEffect(() => {
    document.querySelector('.text-page mark')?.scrollIntoView({ block: 'center' });
  }, [ranges]);
  if (text.isError) return <p className="error-text">{text.error.message}</p>;
  return (
    <article className={ocr ? 'text-page ocr-text' : 'text-page'} data-testid="text-page">
      {ocr && <h3>{t('ocrText')}</h3>}
      {query && (
        <p className="muted small" data-testid="viewer-hits">
          {t('hits', { count: ranges.length })}
        </p>
      )}
      {/* The section's heading, unless the page starts with it (an EPUB chapter's or HTML section's first page). */}
      {text.data?.label && !text.data.text.trimStart().startsWith(text.data.label) && (
        <h3>{text.data.label}</h3>
      )}
      {/* The query's hits marked, glossary terms underlined with their definition on hover (issue 10 §3). */}
      <pre>{text.data ? <TermText text={text.data.text} marks={ranges} /> : t('loading')}</pre>
    </article>
  );
}

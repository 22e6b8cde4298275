import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../../../preload/contract';
import { ApiError, call, isElectron } from '../../../api/client';
import { useLibraryFolders, useLibraryProgress } from '../../../api/queries';
import { useAppStore } from '../../../app/store';
import { useViewerStore } from '../../viewer/store';
import { sameNameLocations } from '../same-name';
import { documentReason } from '../document-reason';
import { UnlockDialog } from './UnlockDialog';

const PAGE = 200;

/**
 * Library: folders with counts, a progress bar while indexing, and the per-file status table; a file whose name
 * another listed file shares shows its folder under the name.
 */
export function LibraryView() {
  const { t } = useTranslation('library');
  const notify = useAppStore((s) => s.notify);
  const folders = useLibraryFolders();
  const progress = useLibraryProgress();
  const [path, setPath] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [unlock, setUnlock] = useState<DocumentDto | null>(null);
  const docs = useQuery({
    queryKey: ['library:documents', problemsOnly, limit],
    queryFn: () => call('library:documents', { problemsOnly, limit }),
    placeholderData: (prev) => prev,
  });
  const openViewer = useViewerStore((s) => s.open);
  const locations = useMemo(
    () => sameNameLocations(docs.data?.docs ?? [], new Map((folders.data ?? []).map((f) => [f.id, f.path]))),
    [docs.data, folders.data],
  );
  const fail = (e: unknown) => notify(e instanceof ApiError ? e.message : String(e), 'error');

  const add = async (folder: string) => {
    if (!folder.trim()) return;
    try {
      await call('library:add-folder', { path: folder.trim() });
      setPath('');
      void folders.refetch();
    } catch (e) {
      fail(e);
    }
  };
  const p = progress.data;
  return (
    <div className="library-view" data-testid="view-library">
      <header className="view-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <form
          className="add-folder"
          onSubmit={(e) => {
            e.preventDefault();
            void add(path);
          }}
        >
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder={t('folderPlaceholder')}
            aria-label={t('folderPlaceholder')}
            data-testid="folder-path"
          />
          {isElectron && (
            <button
              type="button"
              onClick={() =>
                call('dialog:pick-folder', {})
                  .then((r) => (r.path ? add(r.path) : undefined))
                  .catch(fail)
              }
            >
              {t('browse')}
            </button>
          )}
          <button type="submit" className="primary" disabled={!path.trim()} data-testid="add-folder">
            {t('addFolder')}
          </button>
        </form>
      </header>

      {p && (p.running || p.total > 0) && (
        <section className="progress-panel" data-testid="library-progress">
          <div className="progress-line">
            <progress max={Math.max(1, p.total)} value={p.done} />
            <span>
              {p.running
                ? t('progress', { done: p.done, total: p.total, pages: t('pageCount', { count: p.pages }) })
                : p.cancelled
                  ? t('cancelled', { done: p.done, total: p.total })
                  : t('finished', {
                      files: t('fileCount', { count: p.done }),
                      indexed: p.done - p.failed,
                      pages: t('pageCount', { count: p.pages }),
                      failed: p.failed,
                    })}
            </span>
            {p.running && (
              <button onClick={() => void call('library:cancel', {}).catch(fail)}>{t('cancel')}</button>
            )}
          </div>
          {p.running && p.current && (
            <div className="muted small">{t('progressCurrent', { file: p.current })}</div>
          )}
          {p.running && p.pageProgress && (
            <div className="page-progress small" data-testid="page-progress">
              <progress max={p.pageProgress.pages} value={p.pageProgress.page} />
              <span>
                {t('ocr.pageProgress', {
                  file: p.pageProgress.path.split(/[\\/]/).pop(),
                  page: p.pageProgress.page,
                  pages: p.pageProgress.pages,
                })}
              </span>
            </div>
          )}
        </section>
      )}

      <section>
        <h2>{t('folders')}</h2>
        {folders.data?.length === 0 && <p className="muted">{t('noFolders')}</p>}
        <ul className="folder-list" data-testid="folder-list">
          {folders.data?.map((f) => {
            const problems =
              (f.counts['needs-password'] ?? 0) +
              (f.counts['no-text'] ?? 0) +
              (f.counts.unsupported ?? 0) +
              (f.counts.failed ?? 0);
            return (
              <li key={f.id}>
                <span className="folder-path" title={f.path}>
                  {f.path}
                </span>
                <span className="muted">
                  {t('counts', { indexed: f.counts.indexed ?? 0, problems, pending: f.counts.pending ?? 0 })}
                </span>
                <label className="check" title={t('ocr.switchTitle')}>
                  <input
                    type="checkbox"
                    data-testid="folder-ocr"
                    checked={f.ocr !== false}
                    onChange={(e) =>
                      void call('library:set-folder-ocr', { id: f.id, ocr: e.target.checked })
                        .then(() => folders.refetch())
                        .catch(fail)
                    }
                  />
                  {t('ocr.switch')}
                </label>
                <button onClick={() => void call('library:reindex', { folderId: f.id }).catch(fail)}>
                  {t('reindex')}
                </button>
                <button
                  className="danger"
                  onClick={() => {
                    if (window.confirm(t('confirmRemove', { path: f.path })))
                      void call('library:remove-folder', { id: f.id })
                        .then(() => folders.refetch())
                        .catch(fail);
                  }}
                >
                  {t('remove')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      <section className="files">
        <div className="files-head">
          <h2>{t('files', { count: docs.data?.total ?? 0 })}</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={problemsOnly}
              onChange={(e) => setProblemsOnly(e.target.checked)}
              data-testid="only-problems"
            />
            {t('onlyProblems')}
          </label>
        </div>
        {docs.data?.docs.length === 0 && <p className="muted">{t('noFiles')}</p>}
        {docs.data && docs.data.docs.length > 0 && (
          <table className="status-table" data-testid="status-table">
            <thead>
              <tr>
                <th>{t('columns.name')}</th>
                <th>{t('columns.type')}</th>
                <th>{t('columns.pages')}</th>
                <th>{t('columns.status')}</th>
                <th>{t('columns.detail')}</th>
                <th>{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.data.docs.map((d) => (
                <tr key={d.id} data-status={d.status}>
                  <td title={d.path}>
                    {d.name}
                    {locations.has(d.id) && (
                      <div className="muted small" data-testid="file-location">
                        {locations.get(d.id)}
                      </div>
                    )}
                  </td>
                  <td>{d.ext}</td>
                  <td className="num">{d.pageCount || ''}</td>
                  <td>
                    <span className={`status-badge status-${d.status}`}>
                      {/* An image in a folder with OCR off is "no-text", but it is no scan without a text layer. */}
                      {d.errorKey === 'library:reasons.imageOcrOff'
                        ? t('status.ocr-off')
                        : t(`status.${d.status}`)}
                    </span>
                  </td>
                  <td className="detail" title={documentReason(d) ?? ''}>
                    {documentReason(d) ?? d.encoding ?? ''}
                  </td>
                  <td>
                    {d.status === 'needs-password' && (
                      <button onClick={() => setUnlock(d)}>{t('unlock')}</button>
                    )}
                    {d.status === 'indexed' && (
                      <button onClick={() => openViewer({ docId: d.id, page: 1, query: '' })}>
                        {t('open')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {docs.data && docs.data.total > docs.data.docs.length && (
          <button onClick={() => setLimit(limit + PAGE)}>{t('more')}</button>
        )}
      </section>
      {unlock && <UnlockDialog doc={unlock} onClose={() => setUnlock(null)} />}
    </div>
  );
}

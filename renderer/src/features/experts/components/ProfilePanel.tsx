import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertProfile } from '../../../../../preload/contract';
import { ApiError, call } from '../../../api/client';
import { useAppStore } from '../../../app/store';
import { useProcessesStore } from '../../processes/store';
import { useViewerStore } from '../../viewer/store';
import { useProfile } from '../queries';
import { useExpertsStore } from '../store';
import { AreasTable } from './AreasTable';
import { AuthorProposalsSlot } from './AuthorProposalsSlot';
import { MyAreas } from './MyAreas';
import { RiskPanel } from './RiskPanel';

/**
 * An expert's profile as a side panel: who they are, their risk (with the edit form), their areas (read, or "my
 * areas" editing), what they own, the documents of their items, the steps that consult them, and holders proposed
 * from document authors. Escape closes it (or leaves editing first); closing gives the focus back to where it was
 * when the panel opened (the directory row, the risk list…), else to the active tab, never to <body>.
 *
 * An expert deleted while their profile is open (the core answers not_found) is said so in the UI's words with a
 * Close button; the panel stays, so an undo of the delete (every change refetches experts:*) shows them again.
 */
export function ProfilePanel({ id }: { id: string }) {
  const { t } = useTranslation('experts');
  const q = useProfile(id);
  const { editing, set, simulate } = useExpertsStore();
  const ref = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const was = document.activeElement;
    if (was instanceof HTMLElement && was !== document.body && !ref.current?.contains(was))
      opener.current = was;
    ref.current?.focus();
  }, [id]);

  const close = () => {
    const back = opener.current;
    set({ profileId: null, editing: false });
    // After React removed the panel: the opener if it is still on screen, else the active tab.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else document.querySelector<HTMLElement>('.experts-view [role="tab"][aria-selected="true"]')?.focus();
    });
  };
  const leaveEditing = () => {
    set({ editing: false });
    // The editor (and the focus with it) goes: keep the focus in the panel, on the button that toggles it.
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[data-testid="my-areas"]')?.focus());
  };
  const deleted = q.isError && q.error instanceof ApiError && q.error.code === 'not_found';
  return (
    <aside
      ref={ref}
      className="expert-profile"
      tabIndex={-1}
      aria-label={t('profile.title')}
      data-testid="expert-profile"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.nativeEvent.isComposing || e.defaultPrevented) return;
        e.stopPropagation();
        if (editing && !q.isError) leaveEditing();
        else close();
      }}
    >
      {q.isError ? (
        <div className="profile-gone" data-testid={deleted ? 'profile-deleted' : 'profile-error'}>
          {/* The last profile read (kept by the query) still says whose it was. */}
          {q.data && <h2>{q.data.expert.label}</h2>}
          <p className={deleted ? '' : 'error-text'} role="alert">
            {deleted ? t('profile.deleted') : t('profile.loadFailed', { message: q.error.message })}
          </p>
          {deleted && <p className="muted small">{t('profile.deletedHint')}</p>}
          <button data-testid="profile-close" onClick={close}>
            {t('profile.closePanel')}
          </button>
        </div>
      ) : !q.data ? (
        <p className="muted" role="progressbar">
          {t('loading')}
        </p>
      ) : (
        <>
          <ProfileHeader profile={q.data} onClose={close} />
          <div className="profile-actions">
            <button
              className={editing ? 'pressed' : ''}
              aria-pressed={editing}
              data-testid="my-areas"
              onClick={() => (editing ? leaveEditing() : set({ editing: true }))}
            >
              {editing ? t('profile.doneEditing') : t('profile.myAreas')}
            </button>
            <button data-testid="simulate-one" onClick={() => simulate([id])}>
              {t('profile.simulate')}
            </button>
          </div>
          {editing ? (
            <MyAreas profile={q.data} />
          ) : (
            <>
              {q.data.description && <p className="profile-description">{q.data.description}</p>}
              <section>
                <h3>{t('profile.areas', { count: q.data.areas.length })}</h3>
                <AreasTable areas={q.data.areas} />
              </section>
            </>
          )}
          <RiskPanel profile={q.data} />
          <OwnsDocsSteps profile={q.data} />
          <AuthorProposalsSlot expertId={id} />
        </>
      )}
    </aside>
  );
}

function ProfileHeader({ profile, onClose }: { profile: ExpertProfile; onClose: () => void }) {
  const { t } = useTranslation('experts');
  const e = profile.expert;
  return (
    <header className="profile-header">
      <div>
        <h2 data-testid="profile-name">
          <span className="kind-dot kind-expert" /> {e.label}
        </h2>
        {e.aliases.length > 0 && <div className="muted">{e.aliases.join(' · ')}</div>}
        <div>{[e.title, e.department].filter(Boolean).join(' · ') || '—'}</div>
        <dl className="profile-facts small">
          {e.units.length > 0 && (
            <>
              <dt>{t('profile.units')}</dt>
              <dd>{e.units.join('、')}</dd>
            </>
          )}
          <dt>{t('profile.contact')}</dt>
          <dd>{e.contact ?? '—'}</dd>
          <dt>{t('profile.availability')}</dt>
          <dd data-testid="profile-availability">{t(`availability.${e.availability ?? 'unknown'}`)}</dd>
        </dl>
      </div>
      <button
        className="ghost"
        aria-label={t('profile.close')}
        title={t('profile.close')}
        data-testid="profile-x"
        onClick={onClose}
      >
        ×
      </button>
    </header>
  );
}

/** What they own, the documents linked to their items (open in the viewer) and the steps that consult them. */
function OwnsDocsSteps({ profile }: { profile: ExpertProfile }) {
  const { t } = useTranslation('experts');
  const openViewer = useViewerStore((s) => s.open);
  const notify = useAppStore((s) => s.notify);
  const openDoc = async (path: string | null, page: number | null) => {
    const doc = path ? await call('library:find-by-path', { path }).catch(() => null) : null;
    if (doc) openViewer({ docId: doc.id, page: page ?? 1, query: '' });
    else notify(t('profile.notInLibrary'), 'error');
  };
  const openStep = (processId: string | null, stepId: string) => {
    if (!processId) return;
    useProcessesStore.getState().set({ processId, tab: 'pipeline', stepId, panelOpen: true });
    useAppStore.getState().setView('processes');
  };
  return (
    <>
      {profile.owns.length > 0 && (
        <section>
          <h3>{t('profile.owns', { count: profile.owns.length })}</h3>
          <p className="small">{profile.owns.map((o) => o.label).join('、')}</p>
        </section>
      )}
      <section>
        <h3>{t('profile.documents', { count: profile.documents.length })}</h3>
        {profile.documents.length === 0 ? (
          <p className="muted small">{t('profile.noDocuments')}</p>
        ) : (
          <ul className="profile-list" data-testid="profile-documents">
            {profile.documents.map((d) => (
              <li key={`${d.documentId}:${d.page ?? ''}`}>
                <button
                  className="link"
                  onClick={() => void openDoc(d.path, d.page)}
                  title={d.path ?? undefined}
                >
                  {d.label}
                  {d.page !== null && <span className="muted"> · {t('profile.page', { page: d.page })}</span>}
                </button>
                <span className="muted small"> {d.items.map((i) => i.label).join('、')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>{t('profile.steps', { count: profile.steps.length })}</h3>
        {profile.steps.length === 0 ? (
          <p className="muted small">{t('profile.noSteps')}</p>
        ) : (
          <ul className="profile-list" data-testid="profile-steps">
            {profile.steps.map((s) => (
              <li key={s.stepId}>
                <button
                  className="link"
                  disabled={!s.processId}
                  onClick={() => openStep(s.processId, s.stepId)}
                >
                  {s.processLabel ? `${s.processLabel} · ${s.label}` : s.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

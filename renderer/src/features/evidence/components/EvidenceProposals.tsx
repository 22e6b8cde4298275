import { useTranslation } from 'react-i18next';
import type { EvidenceProposal } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { AcceptReject } from '../../../ui/AcceptReject';
import { Highlighted } from '../../search/components/Highlighted';
import { useViewerStore } from '../../viewer/store';
import { useAcceptEvidence, useEvidence, useRejectEvidence } from '../queries';
import './evidence.css';

/**
 * "Evidence found in the library": the ranked library pages that mention a knowledge item and are not linked to it
 * yet (the evidence finder, issue 7), each with its snippet, a button that opens the viewer at the page, and Accept
 * (the `documented_by` link with the page, undoable with Ctrl+Z) / Reject (never proposed again).
 */
export function EvidenceProposals({ knowledgeId }: { knowledgeId: string }) {
  const { t } = useTranslation('evidence');
  const proposals = useEvidence(knowledgeId);
  const list = proposals.data ?? [];
  return (
    <section className="evidence-proposals" data-testid="evidence-proposals" aria-busy={proposals.isLoading}>
      <h4>{t('title')}</h4>
      {proposals.isLoading && <p className="muted small">{t('loading')}</p>}
      {proposals.isSuccess && list.length === 0 && (
        <p className="muted small" data-testid="evidence-empty">
          {t('empty')}
        </p>
      )}
      {list.length > 0 && (
        <ul aria-label={t('list')}>
          {list.map((p) => (
            <ProposalRow key={`${p.docId}:${p.page}`} proposal={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProposalRow({ proposal: p }: { proposal: EvidenceProposal }) {
  const { t } = useTranslation('evidence');
  const notify = useAppStore((s) => s.notify);
  const open = useViewerStore((s) => s.open);
  const accept = useAcceptEvidence();
  const reject = useRejectEvidence();
  const key = { knowledgeId: p.knowledgeId, docId: p.docId, page: p.page };
  const busy = accept.isPending || reject.isPending;
  const onAccept = () =>
    accept.mutate(key, {
      onSuccess: () => notify(t('accepted', { name: p.docName, page: p.page })),
      onError: (e) => notify(e.message, 'error'),
    });
  const onReject = () =>
    reject.mutate(key, {
      onSuccess: () => notify(t('rejected')),
      onError: (e) => notify(e.message, 'error'),
    });
  return (
    <li className="evidence-proposal" data-testid="evidence-proposal">
      <div className="evidence-head">
        <span className="kind-dot kind-document" />
        <span className="doc-name" title={p.path}>
          {p.docName}
        </span>
        <span className="muted small">{t('page', { page: p.page })}</span>
      </div>
      {p.snippet.text && (
        <p className="evidence-snippet small" data-testid="evidence-snippet">
          <Highlighted text={p.snippet.text} ranges={p.snippet.highlights} />
        </p>
      )}
      <div className="evidence-actions">
        <span className="muted small evidence-matched" title={t('matched', { name: p.matched })}>
          {t('matched', { name: p.matched })}
        </span>
        <button
          className="link"
          title={t('openTitle', { name: p.docName, page: p.page })}
          onClick={() => open({ docId: p.docId, page: p.page, query: p.matched })}
        >
          {t('open')}
        </button>
        <AcceptReject
          busy={busy}
          accept={t('accept')}
          acceptTitle={t('acceptTitle', { name: p.docName, page: p.page })}
          reject={t('reject')}
          rejectTitle={t('rejectTitle')}
          testIdPrefix="evidence"
          onAccept={onAccept}
          onReject={onReject}
        />
      </div>
    </li>
  );
}

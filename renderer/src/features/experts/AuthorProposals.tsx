import { useTranslation } from 'react-i18next';
import type { AuthorProposal } from '../../../../preload/contract';
import { useAppStore } from '../../app/store';
import { AcceptReject } from '../../ui/AcceptReject';
import '../evidence/components/evidence.css';
import { useAcceptAuthor, useAuthorProposals, useRejectAuthor } from './author-queries';

/**
 * "Holders from document authors" (issue 8 §7): the knowledge items that library documents written by an expert
 * document, proposed as theirs at proficiency 3, each with its evidence — the document, the author as the file
 * records it, which of the expert's names it matched — and Accept (the `knows` edge, undoable with Ctrl+Z like any
 * edit) / Reject (never proposed again). Self-contained: it loads and refreshes its own data.
 *
 * @param expertId the expert whose proposals to show; without it, every expert's (each row names the expert)
 */
export function AuthorProposals({ expertId }: { expertId?: string }) {
  const { t } = useTranslation('authors');
  const proposals = useAuthorProposals(expertId);
  const list = proposals.data ?? [];
  return (
    <section
      className="evidence-proposals author-proposals"
      data-testid="author-proposals"
      aria-busy={proposals.isLoading}
    >
      <h4>{t('title')}</h4>
      <p className="muted small">{t('intro')}</p>
      {proposals.isLoading && <p className="muted small">{t('loading')}</p>}
      {proposals.isError && (
        <p className="small error" role="alert">
          {t('failed', { message: proposals.error.message })}
        </p>
      )}
      {proposals.isSuccess && list.length === 0 && (
        <p className="muted small" data-testid="author-proposals-empty">
          {expertId === undefined ? t('emptyAll') : t('empty')}
        </p>
      )}
      {list.length > 0 && (
        <ul aria-label={t('list')}>
          {list.map((p) => (
            <ProposalRow
              key={`${p.expertId}:${p.knowledgeId}:${p.docId}`}
              proposal={p}
              showExpert={expertId === undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProposalRow({ proposal: p, showExpert }: { proposal: AuthorProposal; showExpert: boolean }) {
  const { t } = useTranslation('authors');
  const notify = useAppStore((s) => s.notify);
  const accept = useAcceptAuthor();
  const reject = useRejectAuthor();
  const key = { expertId: p.expertId, knowledgeId: p.knowledgeId, docId: p.docId };
  const names = { expert: p.expertLabel, item: p.knowledgeLabel, proficiency: p.proficiency };
  const busy = accept.isPending || reject.isPending;
  const onAccept = () =>
    accept.mutate(key, {
      onSuccess: () => notify(t('accepted', names)),
      onError: (e) => notify(e.message, 'error'),
    });
  const onReject = () =>
    reject.mutate(key, {
      onSuccess: () => notify(t('rejected')),
      onError: (e) => notify(e.message, 'error'),
    });
  return (
    <li className="evidence-proposal" data-testid="author-proposal">
      <div className="evidence-head">
        <span className="kind-dot kind-knowledge" />
        <span className="doc-name" data-testid="author-proposal-item">
          {showExpert ? t('expertHolds', names) : t('holds', names)}
        </span>
      </div>
      <div className="evidence-head small">
        <span className="kind-dot kind-document" />
        <span className="doc-name" data-testid="author-proposal-doc">
          {p.docName}
        </span>
      </div>
      <div className="evidence-actions">
        <span
          className="muted small evidence-matched"
          data-testid="author-proposal-evidence"
          title={t('evidence', { author: p.author, matched: p.matched })}
        >
          {t('evidence', { author: p.author, matched: p.matched })}
        </span>
        <AcceptReject
          busy={busy}
          accept={t('accept')}
          acceptTitle={t('acceptTitle', names)}
          reject={t('reject')}
          rejectTitle={t('rejectTitle')}
          testIdPrefix="author"
          onAccept={onAccept}
          onReject={onReject}
        />
      </div>
    </li>
  );
}

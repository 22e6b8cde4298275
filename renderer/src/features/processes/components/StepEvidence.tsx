import { useTranslation } from 'react-i18next';
import type { PipelineItem } from '../../../../../preload/contract';
import { EvidenceProposals } from '../../evidence/components/EvidenceProposals';
import { useEvidenceCounts } from '../../evidence/queries';

/**
 * "Evidence in the library" of a step: for each knowledge item the step requires (templates too) for which the
 * evidence finder proposes library pages, a collapsible list of those pages with Accept / Reject — accepting one
 * documents the item, so the step's strength rises on the spot (issue 7). Renders nothing when no item has any.
 */
export function StepEvidence({ items }: { items: readonly PipelineItem[] }) {
  const { t } = useTranslation('processes');
  const counts = useEvidenceCounts().data ?? {};
  const withPages = items.filter((i) => (counts[i.id] ?? 0) > 0);
  if (withPages.length === 0) return null;
  return (
    <section className="panel-section" data-testid="section-evidence">
      <h4>
        <span>{t('panel.evidence')}</span>
        <span className="count">{withPages.length}</span>
      </h4>
      <p className="muted small">{t('panel.evidenceHint')}</p>
      {withPages.map((i) => (
        <details key={i.id} className="step-evidence" data-testid="step-evidence-item">
          <summary>
            {t('panel.evidenceFor', { label: i.label, count: counts[i.id] ?? 0 })}
            {i.documents === 0 && <span className="muted small"> · {t('panel.undocumented')}</span>}
          </summary>
          <EvidenceProposals knowledgeId={i.id} />
        </details>
      ))}
    </section>
  );
}

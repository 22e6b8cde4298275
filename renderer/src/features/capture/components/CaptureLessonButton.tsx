import { useTranslation } from 'react-i18next';
import { openCaptureForm } from '../store';

/**
 * The step panel's way into the capture forms: "Capture a lesson (AAR)" and "Production record", each opening
 * its form with this step (and its process) already chosen.
 */
export function CaptureLessonButton({ processId, stepId }: { processId: string; stepId: string }) {
  const { t } = useTranslation('capture');
  return (
    <div className="capture-entry-points">
      <button
        type="button"
        data-testid="capture-aar-button"
        onClick={() => openCaptureForm('aar', { processId, targetId: stepId })}
      >
        {t('entry.aar')}
      </button>
      <button
        type="button"
        className="ghost"
        data-testid="capture-apprentice-button"
        onClick={() => openCaptureForm('apprentice', { processId, targetId: stepId })}
      >
        {t('entry.apprentice')}
      </button>
    </div>
  );
}

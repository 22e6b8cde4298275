import { useTranslation } from 'react-i18next';
import { runCommand } from '../../../commands/registry';

/**
 * Zoom in, zoom out and fit, bottom-right on the canvas (issue #6: there were no zoom buttons). Each runs the
 * same command as its key (`+`, `-`, `0`), so buttons, keys, menu and palette cannot drift apart.
 */
export function ZoomControls() {
  const { t } = useTranslation('map');
  const buttons = [
    { id: 'map.zoomIn', label: t('zoom.in'), icon: '+', testId: 'zoom-in' },
    { id: 'map.zoomOut', label: t('zoom.out'), icon: '−', testId: 'zoom-out' },
    { id: 'map.zoomFit', label: t('zoom.fit'), icon: '⤢', testId: 'zoom-fit' },
  ];
  return (
    <div className="zoom-controls" role="group" aria-label={t('zoom.controls')}>
      {buttons.map((b) => (
        <button
          key={b.id}
          title={b.label}
          aria-label={b.label}
          data-testid={b.testId}
          onClick={() => runCommand(b.id, 'button')}
        >
          <span aria-hidden="true">{b.icon}</span>
        </button>
      ))}
    </div>
  );
}

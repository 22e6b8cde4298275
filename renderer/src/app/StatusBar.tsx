import { useTranslation } from 'react-i18next';
import { useHistoryState, useWorkspaceInfo } from '../api/queries';
import { useScreenCounts } from '../features/map/components/screen-counts';
import { useMapStore } from '../features/map/store';
import { runCommand } from '../commands/registry';
import { describeEdit } from '../features/map/describe-edit';
import { useAppStore } from './store';
import { EvidenceStatus } from '../features/evidence/components/EvidenceStatus';
import { useTeamStore } from '../features/team/store';

/**
 * Bottom bar: counts on screen (`128 nodes · 301 edges`), a team workspace's role (or a pulled copy's read-only
 * badge), workspace, host mode, undo/redo.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const { t: tMap } = useTranslation('map');
  const { t: tTeam } = useTranslation('team');
  const teamStatus = useTeamStore((s) => s.status);
  const counts = useScreenCounts();
  const info = useWorkspaceInfo();
  const history = useHistoryState();
  const view = useAppStore((s) => s.view);
  const ego = useMapStore((s) => s.ego);
  return (
    <footer className="status-bar" role="status">
      {view === 'map' && (
        <span data-testid="status-counts">
          {t('status.onScreen', { nodes: counts.nodes, edges: counts.edges })}
        </span>
      )}
      {ego && <span className="muted">◎</span>}
      <span className="spacer" />
      <EvidenceStatus />
      {info.data?.team && (
        <span
          className={`status-team ${teamStatus}`}
          data-testid="status-team"
          title={tTeam('status.badgeTitle', { address: info.data.team.address, user: info.data.team.user })}
        >
          {tTeam('status.badge', { role: tTeam(`roles.${info.data.team.role}`) })}
        </span>
      )}
      {info.data?.pulledFrom && (
        <span
          className="status-team"
          data-testid="status-pulled"
          title={tTeam('status.readOnlyCopyTitle', info.data.pulledFrom)}
        >
          {tTeam('status.readOnlyCopy')}
        </span>
      )}
      {info.data && (
        <span className="muted" title={info.data.path}>
          {t('status.workspace', { name: info.data.name })} · {t(`status.mode.${info.data.mode}`)}
        </span>
      )}
      <button
        className="ghost"
        disabled={!history.data?.canUndo}
        title={describeEdit(tMap, history.data?.undo ?? null)}
        data-testid="undo"
        onClick={() => runCommand('history.undo', 'button')}
      >
        ↶ {t('actions.undo')}
      </button>
      <button
        className="ghost"
        disabled={!history.data?.canRedo}
        title={describeEdit(tMap, history.data?.redo ?? null)}
        data-testid="redo"
        onClick={() => runCommand('history.redo', 'button')}
      >
        ↷ {t('actions.redo')}
      </button>
    </footer>
  );
}

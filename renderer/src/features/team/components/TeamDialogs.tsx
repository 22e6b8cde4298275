import { useTeamStore } from '../store';
import { ConflictDialog } from './ConflictDialog';
import { ConnectTeamDialog } from './ConnectTeamDialog';
import { TeamBanner } from './TeamBanner';
import '../team.css';

/** The team workspace's banner and dialogs, mounted once at the app's root. */
export function TeamDialogs() {
  const connectOpen = useTeamStore((s) => s.connectOpen);
  const conflict = useTeamStore((s) => s.conflict);
  return (
    <>
      <TeamBanner />
      {connectOpen && <ConnectTeamDialog />}
      {conflict && <ConflictDialog conflict={conflict} />}
    </>
  );
}

import { AuthorProposals } from '../AuthorProposals';

/** Where the profile shows holders proposed from document authors (the authorship helper's component). */
export function AuthorProposalsSlot({ expertId }: { expertId: string }) {
  return (
    <section>
      <AuthorProposals expertId={expertId} />
    </section>
  );
}

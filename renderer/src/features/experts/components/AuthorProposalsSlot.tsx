/**
 * Where the profile shows holders proposed from document authors. The authorship helper's AuthorProposals
 * component is mounted here once it exists (features/experts/AuthorProposals.tsx).
 */
export function AuthorProposalsSlot(_props: { expertId: string }) {
  return null;
}

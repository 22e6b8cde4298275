/** Placeholder of the reports work (issue 7); filled in shortly. */
export function StepMatrixView(_props: { processId: string | null }): React.JSX.Element {
  return <div />;
}

/**
 * The Accept / Reject pair of a proposal row (evidence pages, holders from document authors): both disabled while
 * `busy`; labels and tooltips in the caller's words; test ids `<testIdPrefix>-accept` / `<testIdPrefix>-reject`.
 */
export function AcceptReject(props: {
  busy: boolean;
  accept: string;
  acceptTitle: string;
  reject: string;
  rejectTitle: string;
  testIdPrefix: string;
  onAccept: () => void;
  onReject: () => void;
}) {
  return (
    <>
      <button
        className="primary small"
        disabled={props.busy}
        title={props.acceptTitle}
        data-testid={`${props.testIdPrefix}-accept`}
        onClick={props.onAccept}
      >
        {props.accept}
      </button>
      <button
        className="ghost small"
        disabled={props.busy}
        title={props.rejectTitle}
        data-testid={`${props.testIdPrefix}-reject`}
        onClick={props.onReject}
      >
        {props.reject}
      </button>
    </>
  );
}

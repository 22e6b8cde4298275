/**
 * Zoom in (×1.25), zoom out (×0.8) and fit, bottom-right on a canvas that has no zoom commands of its own (the
 * process pipeline, the competency diagram; the map's ZoomControls run its commands instead). Labels come from
 * the caller's namespace (`zoom.controls`, `zoom.in`, `zoom.out`, `zoom.fit`); the fit button gets `fitTestId`.
 */
export function CanvasZoomButtons(props: {
  labels: { controls: string; in: string; out: string; fit: string };
  onZoom: (factor: number) => void;
  onFit: () => void;
  fitTestId: string;
}) {
  const { labels } = props;
  return (
    <div className="zoom-controls" role="group" aria-label={labels.controls}>
      <button title={labels.in} aria-label={labels.in} onClick={() => props.onZoom(1.25)}>
        <span aria-hidden="true">+</span>
      </button>
      <button title={labels.out} aria-label={labels.out} onClick={() => props.onZoom(0.8)}>
        <span aria-hidden="true">−</span>
      </button>
      <button title={labels.fit} aria-label={labels.fit} data-testid={props.fitTestId} onClick={props.onFit}>
        <span aria-hidden="true">⤢</span>
      </button>
    </div>
  );
}

import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { PipelineEngine } from '../engine/pipeline-engine';
import { stepInDirection, type StepDirection } from '../engine/pipeline-layout';
import { saveStepPositions, useStepPositions } from '../process-view';
import { useProcessesStore } from '../store';
import { attachDropped, DRAG_MIME, readDragged } from '../drag-items';
import { StrengthLegend } from './StrengthLegend';
import { usePipelineViewState } from '../saved-view-state';
import { usePresenting } from '../../saved-views/store';
import { CanvasZoomButtons } from '../../../ui/CanvasZoomButtons';
import { useExportSource } from '../../../ui/export/export-sources';
import { pipelineExportSource } from '../export-source';

declare global {
  interface Window {
    /** Test handle: the live pipeline engine and how many are alive. */
    __wellspringPipeline?: { engine: PipelineEngine | null; alive: number };
  }
}

const ARROWS: Record<string, StepDirection> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The pipeline canvas of one process (through PipelineEngine): steps by layer and row, coloured by strength,
 * with their satellites, a legend and zoom buttons. Click selects a step and opens its panel; arrow keys move
 * the selection, Enter opens the panel (and moves the focus into it), Escape closes it; dragged steps keep their place (the process's view);
 * knowledge, experts and templates dragged from the side list attach to the step they are dropped on.
 */
export function PipelineCanvas({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('processes');
  const containerRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<PipelineEngine | null>(null);
  const theme = useAppStore((s) => s.theme);
  const notify = useAppStore((s) => s.notify);
  const { stepId, panelOpen, set } = useProcessesStore();
  const stepIds = pipeline.steps.map((s) => s.id);
  const positions = useStepPositions(pipeline.process.id, pipeline.process.label, stepIds);
  const viewId = positions.data?.viewId ?? null;
  const viewRef = useRef<string | null>(null);
  useEffect(() => {
    viewRef.current = viewId;
  }, [viewId]);
  const [dropping, setDropping] = useState(false);

  useLayoutEffect(() => {
    const engine = new PipelineEngine(containerRef.current!, useAppStore.getState().theme);
    engineRef.current = engine;
    window.__wellspringPipeline = {
      engine,
      get alive() {
        return PipelineEngine.alive;
      },
    };
    const resize = new ResizeObserver(() => engine.resize());
    resize.observe(containerRef.current!);
    const offs = [
      engine.on('select', (id) =>
        set(id ? { stepId: id, panelOpen: true } : { stepId: null, panelOpen: false }),
      ),
      engine.on('open', (id) => set({ stepId: id, panelOpen: true })),
      engine.on('positions', (p) => {
        const view = viewRef.current;
        if (view) saveStepPositions(view, p).catch((e: Error) => notify(e.message, 'error'));
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      resize.disconnect();
      if (window.__wellspringPipeline?.engine === engine) window.__wellspringPipeline.engine = null;
      engine.destroy();
      engineRef.current = null;
    };
    // One engine per mount; data and theme are pushed in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => engineRef.current?.setTheme(theme), [theme]);
  // Presentation mode is read-only: steps cannot be dragged.
  const presenting = usePresenting();
  useEffect(() => engineRef.current?.setReadOnly(presenting), [presenting]);
  usePipelineViewState(engineRef, pipeline.process.id);
  const exportSource = useCallback(
    () => (engineRef.current ? pipelineExportSource(engineRef.current, pipeline) : null),
    [pipeline],
  );
  useExportSource('pipeline', exportSource);

  useEffect(() => {
    const engine = engineRef.current;
    if (!engine || !positions.data || positions.isPlaceholderData) return;
    const first = engine.setPipeline(pipeline, positions.data.positions, positions.dataUpdatedAt);
    if (first) engine.fit(true);
    engine.select(useProcessesStore.getState().stepId);
  }, [pipeline, positions.data, positions.isPlaceholderData, positions.dataUpdatedAt]);

  useEffect(() => engineRef.current?.select(stepId), [stepId]);

  // The panel closed (Escape or × in it) while it held the focus: the focus went with it to <body>, so the
  // canvas takes it back and the arrow keys go on from the step still selected.
  const wasOpen = useRef(panelOpen);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasOpen.current && !panelOpen && lost) containerRef.current?.focus();
    wasOpen.current = panelOpen;
  }, [panelOpen]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    const dir = ARROWS[e.key];
    if (dir) {
      e.preventDefault();
      const next = stepInDirection(pipeline.steps, stepId, dir);
      if (next) set({ stepId: next });
    } else if (e.key === 'Enter' && stepId) {
      e.preventDefault();
      set({ panelOpen: true, focusPanel: true });
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      set({ panelOpen: false });
    }
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'link';
    setDropping(true);
    engineRef.current?.markDropTarget(engineRef.current.dropTarget(e.clientX, e.clientY)?.stepId ?? null);
  };
  const endDrag = () => {
    setDropping(false);
    engineRef.current?.markDropTarget(null);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const dragged = readDragged(e.dataTransfer);
    const hit = engineRef.current?.dropTarget(e.clientX, e.clientY) ?? null;
    endDrag();
    if (!dragged) return;
    e.preventDefault();
    if (!hit) return notify(t('drop.noStep'), 'error');
    void attachDropped(pipeline.process.id, hit, dragged);
  };

  return (
    <div className="pipeline-canvas-wrap">
      <div
        ref={containerRef}
        className={`pipeline-canvas${dropping ? ' dropping' : ''}`}
        data-testid="pipeline-canvas"
        tabIndex={0}
        aria-label={t('canvas.label', { name: pipeline.process.label })}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDragLeave={endDrag}
        onDrop={onDrop}
      />
      {pipeline.steps.length === 0 && (
        <div className="map-overlay" data-testid="pipeline-empty">
          {t('canvas.noSteps')}
        </div>
      )}
      {positions.isError && <div className="map-overlay error">{positions.error.message}</div>}
      <StrengthLegend />
      <CanvasZoomButtons
        labels={{ controls: t('zoom.controls'), in: t('zoom.in'), out: t('zoom.out'), fit: t('zoom.fit') }}
        onZoom={(factor) => engineRef.current?.zoomBy(factor)}
        onFit={() => engineRef.current?.fit()}
        fitTestId="pipeline-fit"
      />
    </div>
  );
}

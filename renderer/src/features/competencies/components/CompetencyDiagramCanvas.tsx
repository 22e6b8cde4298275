import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetencyDiagram } from '../../../../../preload/contract';
import { useAppStore } from '../../../app/store';
import { usePresenting } from '../../saved-views/store';
import { CompetencyEngine } from '../engine/competency-engine';
import { saveLevelPositions, useLevelPositions } from '../competency-view';
import { useCompetencyViewState } from '../saved-view-state';
import { useCompetenciesStore } from '../store';
import { CoverageLegend } from './CoverageLegend';
import { CanvasZoomButtons } from '../../../ui/CanvasZoomButtons';
import { useExportSource } from '../../../ui/export/export-sources';
import { competencyExportSource } from '../export-source';

declare global {
  interface Window {
    /** Test handle: the live competency engine and how many are alive. */
    __wellspringCompetencies?: { engine: CompetencyEngine | null; alive: number };
  }
}

/**
 * The concentric diagram of one drill level (through CompetencyEngine): click a competency to drill into it,
 * drag nodes to place them (stored in the level's own view), zoom buttons and the legend. Registers the
 * competency view's saved-view adapter and its export (the toolbar's Export menu) while mounted.
 */
export function CompetencyDiagramCanvas({ diagram }: { diagram: CompetencyDiagram }) {
  const { t } = useTranslation('competencies');
  const containerRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<CompetencyEngine | null>(null);
  const theme = useAppStore((s) => s.theme);
  const notify = useAppStore((s) => s.notify);
  const { selectedId, restored, set } = useCompetenciesStore();
  const nodeIds = useMemo(() => diagram.nodes.map((n) => n.id), [diagram]);
  const levelName = diagram.breadcrumbs.map((c) => c.label).join(' › ') || t('title');
  const positions = useLevelPositions(diagram.focusId, levelName, nodeIds);
  const viewRef = useRef<string | null>(null);
  useEffect(() => {
    viewRef.current = positions.data?.focusId === diagram.focusId ? positions.data.viewId : null;
  }, [positions.data, diagram.focusId]);

  useLayoutEffect(() => {
    const engine = new CompetencyEngine(containerRef.current!, useAppStore.getState().theme);
    engineRef.current = engine;
    window.__wellspringCompetencies = {
      engine,
      get alive() {
        return CompetencyEngine.alive;
      },
    };
    const resize = new ResizeObserver(() => engine.resize());
    resize.observe(containerRef.current!);
    const offs = [
      engine.on('select', (s) => {
        if (!s) return;
        if (s.kind === 'competency') set({ selectedId: s.id });
      }),
      engine.on('drill', (id) => set({ focusId: id, selectedId: id, restored: null })),
      engine.on('positions', (p) => {
        const view = viewRef.current;
        if (view) saveLevelPositions(view, p).catch((e: Error) => notify(e.message, 'error'));
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      resize.disconnect();
      if (window.__wellspringCompetencies?.engine === engine) window.__wellspringCompetencies.engine = null;
      engine.destroy();
      engineRef.current = null;
    };
    // One engine per mount; data and theme are pushed in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => engineRef.current?.setTheme(theme), [theme]);
  // Presentation mode is read-only: nodes cannot be dragged.
  const presenting = usePresenting();
  useEffect(() => engineRef.current?.setReadOnly(presenting), [presenting]);

  // Showing or hiding the experts changes the outer ring: the next drawing of the level is fitted to the canvas.
  const fitNext = useRef(false);
  useEffect(
    () =>
      useCompetenciesStore.subscribe((st, prev) => {
        if (st.withExperts !== prev.withExperts) fitNext.current = true;
      }),
    [],
  );

  const ready = positions.data?.focusId === diagram.focusId;
  useEffect(() => {
    const engine = engineRef.current;
    if (!engine || !ready || !positions.data) return;
    const stored = new Map(positions.data.positions);
    if (restored && restored.focusId === diagram.focusId)
      for (const p of restored.positions) stored.set(p.id, { x: p.x, y: p.y });
    engine.setDiagram(diagram, stored, !restored);
    engine.select(useCompetenciesStore.getState().selectedId);
    const hasExperts = diagram.nodes.some((n) => n.kind === 'expert');
    if (fitNext.current && hasExperts === useCompetenciesStore.getState().withExperts) {
      fitNext.current = false;
      void engine.settled().then(() => engine.fit());
    }
  }, [diagram, ready, positions.data, restored]);

  useEffect(() => engineRef.current?.select(selectedId), [selectedId]);

  useCompetencyViewState(engineRef, levelName);
  const exportSource = useCallback(
    () => (engineRef.current ? competencyExportSource(engineRef.current, diagram) : null),
    [diagram],
  );
  useExportSource('competency', exportSource);

  return (
    <div className="competency-canvas-wrap">
      <div
        ref={containerRef}
        className="competency-canvas"
        data-testid="competency-canvas"
        tabIndex={0}
        aria-label={t('canvas.label', { name: levelName })}
        title={t('canvas.keys')}
        onKeyDown={(e) => {
          // Up one level from the keyboard (the breadcrumbs are the pointer's way).
          if (e.key !== 'Backspace' || e.nativeEvent.isComposing) return;
          const crumbs = diagram.breadcrumbs;
          if (crumbs.length < 2) return;
          e.preventDefault();
          const up = crumbs[crumbs.length - 2]!;
          set({ focusId: up.id, selectedId: up.id, restored: null });
        }}
      />
      {diagram.nodes.length === 0 && <div className="map-overlay">{t('empty.text')}</div>}
      {positions.isError && <div className="map-overlay error">{positions.error.message}</div>}
      <CoverageLegend />
      <CanvasZoomButtons
        labels={{ controls: t('zoom.controls'), in: t('zoom.in'), out: t('zoom.out'), fit: t('zoom.fit') }}
        onZoom={(factor) => engineRef.current?.zoomBy(factor)}
        onFit={() => engineRef.current?.fit()}
        fitTestId="competency-fit"
      />
    </div>
  );
}

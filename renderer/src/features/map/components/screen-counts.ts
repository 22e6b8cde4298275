/** Counts of what the map has on screen, for the status bar (updated after every painted change). */
import { create } from 'zustand';

export const useScreenCounts = create<{ nodes: number; edges: number }>(() => ({ nodes: 0, edges: 0 }));

export function setScreenCounts(nodes: number, edges: number): void {
  const s = useScreenCounts.getState();
  if (s.nodes !== nodes || s.edges !== edges) useScreenCounts.setState({ nodes, edges });
}

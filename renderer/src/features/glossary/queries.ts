/**
 * The glossary editor's reads, keyed by channel like api/queries.ts, and its writes: glossary:edit (one undo step
 * per call) and the CSV import. Every `glossary:` query is refreshed after every graph change (an edit here, an
 * undo, a term changed on the map) and when another workspace opens, by ONE subscription however many term texts
 * are on screen (it lives while any component using these hooks is mounted).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GlossaryEdit, GlossaryEditResult, GlossaryMention } from '../../../../preload/contract';
import { call, subscribe } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useAppStore } from '../../app/store';

const isGlossaryQuery = (q: { queryKey: readonly unknown[] }) =>
  String(q.queryKey[0]).startsWith('glossary:');

/** Refetches (or drops, when not on screen) every glossary query. */
export function refreshGlossary(): void {
  void queryClient.invalidateQueries({ predicate: isGlossaryQuery });
}

let users = 0;
let offs: Array<() => void> = [];

/** Keeps the glossary queries fresh while mounted (reference-counted: one subscription for all users). */
function useGlossaryLiveRefresh(): void {
  useEffect(() => {
    if (users++ === 0)
      offs = [
        subscribe('graph:did-change', refreshGlossary),
        subscribe('workspace:did-open', refreshGlossary),
      ];
    return () => {
      if (--users === 0) {
        offs.forEach((off) => off());
        offs = [];
      }
    };
  }, []);
}

/** Every term by label, with what it defines and how many nodes name it. */
export function useGlossaryTerms() {
  useGlossaryLiveRefresh();
  return useQuery({ queryKey: ['glossary:terms'], queryFn: () => call('glossary:terms', {}) });
}

const NO_MENTIONS: readonly GlossaryMention[] = [];

/**
 * Where the glossary's terms are named in `text` (glossary:mentions), cached per text; an empty text asks
 * nothing. While the first answer loads, and when the call fails, there are no mentions: the text shows plain.
 */
export function useTermMentions(text: string): readonly GlossaryMention[] {
  useGlossaryLiveRefresh();
  const q = useQuery({
    queryKey: ['glossary:mentions', text],
    queryFn: async () => (await call('glossary:mentions', { texts: [text] })).mentions[0] ?? [],
    enabled: text.trim().length > 0,
    placeholderData: (prev) => prev,
    // Texts seen once (a page turned) are dropped after a minute out of view.
    gcTime: 60_000,
  });
  return q.data ?? NO_MENTIONS;
}

/**
 * Applies `edits` as one glossary:edit call (one undo step); a refusal becomes an error toast (the core's message,
 * in the UI language) unless `quiet`, and is then returned as the error.
 * @returns the answer, or the ApiError when it was refused
 */
export async function editGlossary(
  edits: GlossaryEdit[],
  options: { quiet?: boolean } = {},
): Promise<GlossaryEditResult | Error> {
  try {
    const r = await call('glossary:edit', { edits });
    refreshGlossary();
    return r;
  } catch (e) {
    if (!options.quiet) useAppStore.getState().notify((e as Error).message, 'error');
    return e as Error;
  }
}

import { useMemo, useSyncExternalStore } from 'react';

/** The theme's colours, read from the CSS variables (ECharts on canvas cannot read them itself). */
export interface ChartColours {
  text: string;
  muted: string;
  border: string;
  panel: string;
  /** The second panel shade (alternating stripes). */
  panel2: string;
}

/** Calls `onChange` whenever `<html data-theme>` changes; returns the unsubscribe function. */
function subscribeTheme(onChange: () => void): () => void {
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => mo.disconnect();
}

const themeAttr = () => document.documentElement.dataset.theme ?? 'light';

/**
 * The theme's text, muted, border and panel colours for charts drawn on canvas, read from the CSS variables of
 * theme/app.css (the one home of the theme). Follows `<html data-theme>` itself rather than the app store: the
 * App shell sets the attribute in an effect that runs after its children's, so a value read when the store
 * changes would still be the old theme's.
 */
export function useChartColours(): { colours: ChartColours; dark: boolean } {
  const theme = useSyncExternalStore(subscribeTheme, themeAttr);
  return useMemo(() => {
    const css = getComputedStyle(document.documentElement);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    return {
      dark: theme === 'dark',
      colours: {
        text: v('--text', '#1f2937'),
        muted: v('--muted', '#6b7280'),
        border: v('--border', '#e2e5ea'),
        panel: v('--panel', '#ffffff'),
        panel2: v('--panel-2', '#f1f3f6'),
      },
    };
  }, [theme]);
}

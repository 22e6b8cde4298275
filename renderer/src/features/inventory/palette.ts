/**
 * The inventory's chart colours: Okabe & Ito's colour-blind-safe palette (2008, "Color Universal Design", the one
 * ui/strength-bands.ts takes its bands from). Every number is also written on its bar or slice and the trend's
 * lines differ by symbol and dash too, so no reading depends on hue alone.
 */

/** Okabe–Ito's eight colours; `black` is drawn as a light grey on the dark theme (see `okabeIto`). */
export const OKABE_ITO = {
  orange: '#e69f00',
  skyBlue: '#56b4e9',
  bluishGreen: '#009e73',
  yellow: '#f0e442',
  blue: '#0072b2',
  vermillion: '#d55e00',
  reddishPurple: '#cc79a7',
  black: '#000000',
} as const;

/** The bar colour of each bar chart: blue reads on white, sky blue on the dark panel. */
export function barColour(dark: boolean): string {
  return dark ? OKABE_ITO.skyBlue : OKABE_ITO.blue;
}

/** The health chart's bars: vermillion, the colour of a weak band elsewhere in the app. */
export const HEALTH_COLOUR = OKABE_ITO.vermillion;

/** The form donut: explicit blue, tacit orange, none recorded grey. */
export function formColour(key: string | null, dark: boolean): string {
  if (key === 'explicit') return barColour(dark);
  if (key === 'tacit') return OKABE_ITO.orange;
  return '#9ca3af';
}

/** The trend's five lines, in the order of TREND_SERIES (trend-option.ts). */
export function trendColours(dark: boolean): string[] {
  return [
    dark ? '#e5e7eb' : OKABE_ITO.black,
    barColour(dark),
    OKABE_ITO.orange,
    OKABE_ITO.bluishGreen,
    OKABE_ITO.reddishPurple,
  ];
}

/**
 * The search switches the user sets in Ctrl+K (SearchDialog) and that other search boxes follow, remembered in
 * localStorage ('1' on, '0' off; absent: on).
 */

/** Where the Simplified ↔ Traditional switch (简繁互查, issue 11 §2) is remembered. */
export const SCRIPT_KEY = 'wellspring.search.script';

/**
 * Whether searches also look for the query in the other script (软件 ↔ 軟體): on unless the user turned it off in
 * Ctrl+K. Read at each render of a search box, so the map's box follows a change made in the dialog. Never throws.
 */
export function scriptConversionOn(): boolean {
  return localStorage.getItem(SCRIPT_KEY) !== '0';
}

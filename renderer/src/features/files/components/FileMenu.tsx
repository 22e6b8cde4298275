/** The File menu in the navigation rail (browser mode has no native menu bar). */
export function FileMenu() {
  return null;
}

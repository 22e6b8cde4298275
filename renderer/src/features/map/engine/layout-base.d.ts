// layout-base (the force-directed core under cose-base and cytoscape-fcose) ships without types. The layout
// worker only resets its sine-based generator between runs, so that a force layout is repeatable.
declare module 'layout-base' {
  const layoutBase: {
    RandomSeed: { seed: number; x: number; nextDouble(): number };
  };
  export default layoutBase;
}

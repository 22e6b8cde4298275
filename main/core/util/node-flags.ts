/**
 * The V8 flags the core's Node processes start with (`npm run cli`, `npm start` and `npm run serve` pass them; the
 * import benchmark measures with them). `--max-semi-space-size=16` (MB) caps V8's young generation: planning a
 * big import keeps many objects alive across scavenges, and V8 then grows each semi-space to its default maximum
 * (64 MB on Node 24, 134 MB of young generation in all), memory that the process keeps. With 16 MB a 100,000-row
 * import peaks ~150 MB lower for a few percent of its speed (`npm run bench:import` prints both). Electron's main
 * process takes V8 flags only on its own command line (`--js-flags`), not from code, so the desktop build runs
 * with V8's defaults.
 */
export const CORE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

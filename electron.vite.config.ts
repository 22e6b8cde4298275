import { cpSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload build to CommonJS (no "type": "module": an .mjs preload would need the sandbox off).
// `dependencies` stay external in the main bundle and are required at run time (better-sqlite3's native binary).
/** Copies pdf.js's CMaps and standard fonts next to the renderer: CJK PDFs render blank without the CMaps. */
function pdfjsAssets() {
  return {
    name: 'wellspring-pdfjs-assets',
    writeBundle() {
      for (const dir of ['cmaps', 'standard_fonts']) {
        cpSync(resolve(__dirname, 'node_modules/pdfjs-dist', dir), resolve(OUT, 'renderer/pdfjs', dir), {
          recursive: true,
        });
      }
    },
  };
}

// WELLSPRING_OUT_DIR builds elsewhere than out/ (several checkouts' or agents' builds side by side); tests read the same.
const OUT = resolve(__dirname, process.env.WELLSPRING_OUT_DIR ?? 'out');

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      outDir: resolve(OUT, 'main'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          serve: resolve(__dirname, 'main/serve.ts'),
          launcher: resolve(__dirname, 'main/launcher.ts'),
          // The extraction pool's worker threads load this file (main/core/documents/extract-pool.ts).
          'extract-worker': resolve(__dirname, 'main/core/documents/extract-worker.ts'),
          // The extraction process pool forks this file (main/core/documents/extract-process-pool.ts).
          'extract-child': resolve(__dirname, 'main/core/documents/extract-child.ts'),
          'metrics-worker': resolve(__dirname, 'main/core/analytics/metrics-worker.ts'),
          // The search index is built in a worker thread from this file (main/core/search/index-build.ts).
          'index-build-worker': resolve(__dirname, 'main/core/search/index-build-worker.ts'),
          // A team workspace's synchronous bridge to PostgreSQL runs in a worker thread (main/core/team/team-bridge.ts).
          'team-worker': resolve(__dirname, 'main/core/team/team-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(OUT, 'preload'),
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: resolve(OUT, 'renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      chunkSizeWarningLimit: 2000,
      minify: true,
    },
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    worker: { format: 'es' },
    plugins: [react(), pdfjsAssets()],
  },
});

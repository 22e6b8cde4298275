// ESLint flat config: typescript-eslint plus the layer rules of STYLE.md (VS Code-style layers you can see in the path).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** What no renderer file may import: the main process (go through the API client) and electron. */
const RENDERER_LAYER = [
  { group: ['**/main/**', '../main/*'], message: 'The renderer never imports main/ (use the API client).' },
  { group: ['electron'], message: 'The renderer never imports electron.' },
];

const CYTOSCAPE = {
  group: ['cytoscape', 'cytoscape-*'],
  message: 'Only features/map/engine, features/processes/engine and features/competencies/engine may import cytoscape.',
};
const ECHARTS = {
  group: ['echarts', 'echarts/*'],
  message: 'Only ui/charts may import echarts (through useEChart and chartToSvg).',
};
const PDFJS = {
  group: ['pdfjs-dist', 'pdfjs-dist/*'],
  message: 'Only features/viewer/engine may import pdfjs-dist.',
};

/** A no-restricted-imports block for renderer files: the layer rule plus `extra` patterns. */
function restrict(files, ignores, extra) {
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { patterns: [...RENDERER_LAYER, ...extra] }] },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The core is plain Node: it runs under Electron, Node (tests, CLI, browser mode) and in workers.
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'main/core must not import electron (DESIGN §4).' }] },
      ],
    },
  },
  {
    // The contract is shared by all three layers and may import only zod (and its own files).
    files: ['preload/contract/**', 'preload/commands.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\./[a-z-]+$).*', message: 'The contract imports only zod.' }] },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: RENDERER_LAYER,
        },
      ],
    },
  },
  // Imperative engines own their libraries (STYLE.md): only features/map/engine imports cytoscape, only
  // features/viewer/engine imports pdfjs-dist.
  restrict(
    ['renderer/**'],
    [
      'renderer/src/features/map/engine/**',
      'renderer/src/features/processes/engine/**',
      'renderer/src/features/competencies/engine/**',
      'renderer/src/features/viewer/engine/**',
      'renderer/src/ui/charts/**',
    ],
    [CYTOSCAPE, PDFJS, ECHARTS],
  ),
  restrict(['renderer/src/ui/charts/**'], [], [CYTOSCAPE, PDFJS]),
  restrict(['renderer/src/features/map/engine/**', 'renderer/src/features/processes/engine/**'], [], [PDFJS, ECHARTS]),
  restrict(['renderer/src/features/viewer/engine/**'], [], [CYTOSCAPE, ECHARTS]),
);

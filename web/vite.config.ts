import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The web UI, built into dist/web and served by `customs serve` under /ui/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/ui/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Everything local: the UI works without a network beyond the Customs server.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  logLevel: 'warn',
});

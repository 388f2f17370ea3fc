// The viewer is a static app: relative asset paths (it runs from any folder on any static server),
// no public dir, nothing fetched from the network at build or run time.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
});

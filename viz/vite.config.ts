// The viewer is a static app: relative asset paths (it runs from any folder on any static server),
// no public dir, nothing fetched from the network at build or run time.
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Every browser the viewer runs in reads WOFF2: drop the fonts' WOFF fallbacks (half the bytes). */
const woff2Only: Plugin = {
  name: 'zhengtu-woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('@fontsource') || !id.endsWith('.css')) return null;
    return { code: code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''), map: null };
  },
};

export default defineConfig({
  root,
  plugins: [woff2Only],
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

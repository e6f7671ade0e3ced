import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer is one static bundle, loaded from disk by Electron and served by the web host.
 * `base: './'` keeps every asset URL relative so both `file://` and `http://127.0.0.1` work.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Loaded from the local disk, never over a network: one large chunk costs nothing here.
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
});

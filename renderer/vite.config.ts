import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

// The renderer is served from file:// in the desktop app and from the browser-mode server,
// so every asset URL is relative.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
  },
});

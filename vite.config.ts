/**
 * Vite build of the client: the React app in client/, output in dist/client.
 *
 * Why: the server serves dist/client; hashed files land in assets/ so they can be cached forever.
 * Paths are absolute so the build works from any working directory (npm start calls it through the API).
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:1234',
      '/ws': { target: 'ws://localhost:1234', ws: true },
    },
  },
});

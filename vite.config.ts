/**
 * Vite build of the client: the React app in client/, output in dist/client.
 *
 * Why: the server serves dist/client; hashed files land in assets/ so they can be cached forever.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
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

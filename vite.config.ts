/**
 * Vite build of the client: the React app in client/, output in dist/client, with a service worker.
 *
 * Why: the server serves dist/client; hashed files land in assets/ so they can be cached forever.
 * The service worker (Workbox, via vite-plugin-pwa) precaches the app shell and every asset, so a
 * board page opened once opens again with no network, and the app can go on a tablet's home screen.
 * Paths are absolute so the build works from any working directory (npm start calls it through the API).
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Olifant',
        short_name: 'Olifant',
        description: 'A shared board for whole-system co-creation workshops',
        start_url: '/',
        display: 'standalone',
        background_color: '#f4f1ea',
        theme_color: '#2f5d8a',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Board pages (/b/<id>) open from the cached app shell; the API, the socket and the join code
        // never do (only the server knows where a code leads now: a replaced link has a new code).
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/ws\//, /^\/healthz/, /^\/metrics/, /^\/j\//],
        // The join code goes to the server; only when the network fails does the app shell open it,
        // and the app finds the code among the boards this device has (client/ui/JoinCodePage.tsx).
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) => request.mode === 'navigate' && url.pathname.startsWith('/j/'),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: '/index.html' } },
          },
        ],
        cleanupOutdatedCaches: true,
        // Take control of the page that installed the worker, so it works offline from the first visit on.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The board chunk (Konva, Yjs, React-Konva) is about 520 kB before gzip; it is loaded lazily.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries only some screens use stay in chunks of their own, loaded when used: the CSV
        // parser (an import in the facilitator's panel) and the QR code maker (projector, links).
        codeSplitting: {
          groups: [
            { name: 'papaparse', test: /node_modules[\\/]papaparse/ },
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|pngjs|encode-utf8)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:1234',
      '/ws': { target: 'ws://localhost:1234', ws: true },
    },
  },
});

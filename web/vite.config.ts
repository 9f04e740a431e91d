/**
 * Vite build for the Luoshi SPA. The dev server proxies `/api` to the local Fastify server so the browser sees one
 * origin (the session cookie and CSRF check rely on that). Routes are code-split with React.lazy; the stable
 * framework libraries get their own long-cached chunk so a feature release does not invalidate them.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

// Vite's config file is loaded through its default export; this is the one sanctioned default export.
export default defineConfig({
  plugins: [react()],
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react-vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'i18n-vendor', test: /node_modules[\\/](i18next|react-i18next|@tanstack|dayjs)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});

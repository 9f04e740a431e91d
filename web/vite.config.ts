/**
 * Vite build for the Luoshi SPA. The dev server proxies `/api` to the local Fastify server so the browser sees one
 * origin (the session cookie and CSRF check rely on that). Routes are code-split with React.lazy; the stable
 * framework libraries get their own long-cached chunk so a feature release does not invalidate them. Every
 * production build reports its initial JavaScript (and each landing page's) and fails above 350 kB gzip (js-weight.ts).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { jsWeight } from './js-weight';

/** What a first visit downloads: the initial JavaScript (budgeted), then the sign-in page or a page in the shell. */
const landings = [
  { name: 'initial (index.html)', modules: [], budgeted: true },
  { name: 'sign-in page', modules: [/features\/auth\/login-page\.tsx$/] },
  { name: 'home page (signed in)', modules: [/app\/shell\.tsx$/, /features\/home\/home-page\.tsx$/] },
  { name: 'ledger (signed in)', modules: [/app\/shell\.tsx$/, /features\/ledger\/ledger-page\.tsx$/] },
  { name: 'item page (signed in)', modules: [/app\/shell\.tsx$/, /features\/tasks\/task-detail-page\.tsx$/] },
  { name: 'cockpit (signed in)', modules: [/app\/shell\.tsx$/, /features\/cockpit\/cockpit-page\.tsx$/] },
];

const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

// Vite's config file is loaded through its default export; this is the one sanctioned default export.
export default defineConfig({
  plugins: [react(), jsWeight({ budgetKb: 350, landings })],
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

/// <reference types="node" />
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const apiPort = process.env.API_PORT ?? '3000';
const apiTarget = `http://localhost:${apiPort}`;
// `^/r/` is a pattern: a bare `/r` prefix would also swallow client routes such as `/register`.
const proxied = ['/api', '/healthz', '/readyz', '/metrics', '^/r/'] as const;

/**
 * The workspace libraries are consumed from source (`source` export condition), next to Vite's
 * default client conditions. The built client is served by the API under a strict CSP
 * (no inline scripts or styles), which Vite's production output respects.
 */
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiTarget, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Inlined assets would need `data:` beyond images; keep every asset a file under 'self'.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Third-party code changes rarely: its own chunks stay cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});

import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// `npm run dev` proxies the API to a running server (TOKENTALLY_API, default the server's dev port),
// so the dashboard hot-reloads while GraphQL, subscriptions and CSV downloads hit the real backend.
const api = process.env.TOKENTALLY_API ?? 'http://localhost:4000';
const proxy = {
  '/graphql': { target: api, ws: true, changeOrigin: true },
  '/v1': { target: api, changeOrigin: true },
  '/healthz': { target: api, changeOrigin: true },
};

export default defineConfig({
  plugins: [vue()],
  server: { proxy },
  preview: { proxy },
  build: {
    target: 'es2022',
    // Charts are only needed on chart pages: keep them out of the entry chunk.
    chunkSizeWarningLimit: 300,
  },
});

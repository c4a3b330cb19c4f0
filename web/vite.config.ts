import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One HTML entry per page of the static site. The agent app is the site root; the knowledge base,
// status page and contact form join later as their own entries (e.g. `kb: page('kb/index.html')`).
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        agent: page('index.html'),
      },
    },
  },
  server: {
    proxy: {
      // The local host (./scripts/run.sh) serves the API on the Functions port.
      '/api': 'http://localhost:7071',
    },
  },
});

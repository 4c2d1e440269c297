// Builds web/ into web/dist; the C++ build embeds web/dist into the server
// binary (cmake/embed_tree.cmake), which serves it at /. No Preact plugin:
// esbuild compiles the JSX with Preact's automatic runtime.
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // The server answers with its own gzip; Vite's report is enough here.
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a running `sciaticare serve --port 8080`.
    proxy: { '/api': 'http://localhost:8080' },
  },
});

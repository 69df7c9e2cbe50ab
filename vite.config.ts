import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; the server (npm start) serves web/dist and answers /api.
// Pages are split by route (React.lazy); ECharts is only reached through a dynamic import,
// so the first page carries React, the router, i18n and the antd parts the shell needs.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The one chunk past 500 kB is ECharts (about 525 kB, 177 kB gzipped), which only loads lazily.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Stable libraries in their own chunk so that an app release does not bust their cache.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
            // Both packages are only ever imported lazily (components/chart.tsx): keep them together.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});

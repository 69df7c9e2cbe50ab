// The line chart module, registered on demand: the shared wrapper (components/chart.tsx) loads pie and
// bar only. ECharts keeps one registry, so the wrapper's instances draw lines once this has run.
import { use } from 'echarts/core';
import { LineChart } from 'echarts/charts';

use([LineChart]);

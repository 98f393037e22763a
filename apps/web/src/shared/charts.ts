/**
 * ECharts for the desk, the board and the projector: import `VChart` from here, never from
 * `echarts` itself, so that only the parts registered below are bundled (tree-shaken), in the
 * chunk of the screen that draws a chart and nowhere else.
 */
import { BarChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';

use([
  BarChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { VChart };

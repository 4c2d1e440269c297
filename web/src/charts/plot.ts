// Draws one line chart with uPlot. Loaded only by dynamic import from
// components/Progress.tsx, so uPlot stays out of the first page's bundle.
// The chart is a picture for sighted users; the figure around it carries the
// same data as a text summary and a table.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PlotSpec } from '../components/plotSpec';

export function drawPlot(host: HTMLElement, spec: PlotSpec): () => void {
  const height = 260;
  const width = () => Math.max(280, host.clientWidth);
  // Readings on one day would otherwise stretch over a few seconds of axis.
  const day = 86400;
  const scales: uPlot.Scales = {
    x: {
      time: true,
      range: (_u, min, max) => {
        const pad = Math.max(day, (max - min) * 0.04);
        return [min - pad, max + pad];
      },
    },
  };
  const axes: uPlot.Axis[] = [{ stroke: '#1a202c', grid: { stroke: '#e2e8f0' } }];
  spec.axes.forEach((a, i) => {
    scales[a.scale] = { range: [a.min, a.max] };
    axes.push({
      scale: a.scale,
      label: a.label,
      side: i === 0 ? 3 : 1,
      stroke: '#1a202c',
      grid: { show: i === 0, stroke: '#e2e8f0' },
    });
  });
  const series: uPlot.Series[] = [{}];
  for (const s of spec.series) {
    series.push({
      label: s.label,
      scale: s.scale,
      stroke: s.color,
      width: 2,
      dash: s.dashed ? [6, 4] : undefined,
      spanGaps: true,
      points: { show: true, size: 7, stroke: s.color, fill: s.dashed ? '#ffffff' : s.color },
    });
  }
  const data: uPlot.AlignedData = [spec.xs, ...spec.series.map((s) => s.values)];
  const plot = new uPlot(
    { width: width(), height, scales, axes, series, legend: { show: false }, cursor: { drag: { x: false, y: false } } },
    data,
    host,
  );
  const resize = new ResizeObserver(() => plot.setSize({ width: width(), height }));
  resize.observe(host);
  return () => {
    resize.disconnect();
    plot.destroy();
  };
}

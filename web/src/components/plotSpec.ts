// What a progress chart draws, independent of the chart library: x values are
// UNIX seconds, each series one value (or null) per x.
export interface PlotSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dashed?: boolean;
  scale: string;
}

export interface PlotAxis {
  scale: string;
  label: string;
  min: number;
  max: number;
}

export interface PlotSpec {
  xs: number[];
  series: PlotSeries[];
  axes: PlotAxis[];
}

export const toSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

interface MetricsChartProps {
  title: string;
  /** One sentence a screen reader (and anyone skimming) gets instead of the drawing. */
  summary: string;
  /** The periods' names (the table's first column) and their starts in seconds (the time axis). */
  periods: string[];
  times: number[];
  series: ChartSeries[];
  format: (value: number | null) => string;
}

const height = 220;

/**
 * A uPlot line chart in a figure: the canvas is decoration for sighted readers; the caption, the summary and the
 * table under "Show the figures" carry the same numbers for everyone else.
 */
export function MetricsChart({ title, summary, periods, times, series, format }: MetricsChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = () => Math.max(element.clientWidth, 280);
    const plot = new uPlot(
      {
        width: width(),
        height,
        // Periods are UTC days: the axis says the same day the table does, wherever the reader is.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: { x: { time: true } },
        series: [
          {},
          ...series.map((line) => ({ label: line.label, stroke: line.color, width: 2, dash: line.dash, value: (_: uPlot, v: number | null) => format(v), spanGaps: false })),
        ],
        axes: [{}, { size: 96, values: (_: uPlot, ticks: number[]) => ticks.map((tick) => format(tick)) }],
      },
      [times, ...series.map((line) => line.values)] as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, format]);

  return (
    <figure class="metrics-chart" aria-label={title}>
      <figcaption>
        <h2>{title}</h2>
        <p class="chart-summary">{summary}</p>
      </figcaption>
      <div ref={box} class="chart-canvas" aria-hidden="true" />
      <details>
        <summary>Show the figures</summary>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {series.map((line) => (
                <th key={line.label} scope="col">
                  {line.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((period, row) => (
              <tr key={period}>
                <th scope="row">{period}</th>
                {series.map((line) => (
                  <td key={line.label}>{format(line.values[row] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

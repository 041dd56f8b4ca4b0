import { ChartSvg, mirror, VisuallyHiddenTable, type ChartTable } from './chart-frame';
import { useIsRtl } from '../../lib/i18n/use-is-rtl';
import { linearScale, niceTicks, spreadIndices } from './scale';
import { useElementWidth } from './use-element-width';

export interface LineSeries {
  key: string;
  label: string;
  /** Points keyed by the x category (e.g. an ISO date), in x order. */
  values: ReadonlyMap<string, number>;
  /** Drawn thicker (e.g. the total). */
  emphasis?: boolean;
}

export interface LineChartProps {
  title: string;
  description: string;
  /** The x categories in order (dates, oldest first). */
  xs: readonly string[];
  series: readonly LineSeries[];
  formatX: (x: string) => string;
  formatXShort?: (x: string) => string;
  formatY: (y: number) => string;
  formatYShort?: (y: number) => string;
  rowHeader: string;
}

const HEIGHT = 240;

/** Lines over ordered x categories. Time runs in the reading direction (right to left in Persian). */
export function LineChart(props: LineChartProps) {
  const { title, description, xs, series, formatX, formatY } = props;
  const formatXShort = props.formatXShort ?? formatX;
  const formatYShort = props.formatYShort ?? formatY;
  const isRtl = useIsRtl();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const all = series.flatMap((line) => [...line.values.values()]);
  const ticks = niceTicks(Math.min(...all), Math.max(...all), 4);
  const yMin = ticks[0] ?? 0;
  const yMax = ticks[ticks.length - 1] ?? 1;
  const axisWidth = 56;
  const pad = { top: 12, bottom: 30, start: axisWidth, end: 16 };
  const plotHeight = HEIGHT - pad.top - pad.bottom;
  const xScale = linearScale(0, Math.max(1, xs.length - 1), pad.start, width - pad.end);
  const yScale = linearScale(yMin, yMax, pad.top + plotHeight, pad.top);
  const m = mirror(isRtl, width);
  const xIndex = new Map(xs.map((x, index) => [x, index]));
  const labelled = spreadIndices(xs.length, Math.max(2, Math.floor((width - axisWidth) / 90)));

  const table: ChartTable = {
    caption: title,
    rowHeader: props.rowHeader,
    columns: series.map((line) => ({ key: line.key, label: line.label })),
    rows: xs.map((x) => ({
      key: x,
      label: formatX(x),
      cells: Object.fromEntries(series.flatMap((line) => {
        const value = line.values.get(x);
        return value === undefined ? [] : [[line.key, formatY(value)]];
      })),
    })),
  };

  return (
    <div className="chart" ref={ref}>
      <ChartSvg isRtl={isRtl} title={title} description={description} width={width} height={HEIGHT}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="chart__grid" x1={m.x(pad.start)} x2={m.x(width - pad.end)} y1={yScale(tick)} y2={yScale(tick)} />
            <text className="chart__tick" x={m.x(pad.start - 8)} y={yScale(tick)} dominantBaseline="middle" textAnchor="end">
              {formatYShort(tick)}
            </text>
          </g>
        ))}
        {labelled.map((index) => {
          const x = xs[index]!;
          const anchor = xs.length === 1 ? 'middle' : index === 0 ? 'start' : index === xs.length - 1 ? 'end' : 'middle';
          return (
            <text key={x} className="chart__tick" x={m.x(xScale(index))} y={HEIGHT - 8} textAnchor={anchor}>
              {formatXShort(x)}
            </text>
          );
        })}
        {series.map((line, seriesIndex) => {
          const points = [...line.values.entries()]
            .filter(([x]) => xIndex.has(x))
            .map(([x, y]) => [m.x(xScale(xIndex.get(x)!)), yScale(y)] as const);
          return (
            <g key={line.key} className={`chart__line chart__series--${seriesIndex}${line.emphasis ? ' chart__line--emphasis' : ''}`}>
              <polyline points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} />
              {points.map(([x, y]) => (
                <circle key={`${x}-${y}`} cx={x} cy={y} r={line.emphasis ? 3.5 : 2.5} />
              ))}
            </g>
          );
        })}
      </ChartSvg>
      {series.length > 1 ? (
        <ul className="chart__legend" aria-hidden="true">
          {series.map((line, index) => (
            <li key={line.key}>
              <span className={`chart__swatch chart__swatch--line chart__series--${index}`} />
              {line.label}
            </li>
          ))}
        </ul>
      ) : null}
      <VisuallyHiddenTable table={table} />
    </div>
  );
}

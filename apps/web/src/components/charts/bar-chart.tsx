import { useIsRtl } from '../../lib/i18n/use-is-rtl';
import { ChartSvg, mirror, VisuallyHiddenTable, type ChartTable } from './chart-frame';
import { useElementWidth } from './use-element-width';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** The value as shown (formatted in the UI language). */
  display: string;
}

export interface BarChartProps {
  title: string;
  description: string;
  data: readonly BarDatum[];
  /** The value of a full-length bar (100 for shares). Defaults to the largest value. */
  maxValue?: number;
  /** Column headings of the hidden table. */
  rowHeader: string;
  valueHeader: string;
}

function tableOf(props: BarChartProps): ChartTable {
  return {
    caption: props.title,
    rowHeader: props.rowHeader,
    columns: [{ key: 'value', label: props.valueHeader }],
    rows: props.data.map((datum) => ({ key: datum.key, label: datum.label, cells: { value: datum.display } })),
  };
}

const ROW = 30;
const BAR = 14;
const GAP = 10;

/** Horizontal bars, one per row, labelled on the reading-start side and valued at the bar's end. */
export function HorizontalBarChart(props: BarChartProps) {
  const { title, description, data } = props;
  const isRtl = useIsRtl();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const max = props.maxValue ?? Math.max(1, ...data.map((datum) => datum.value));
  const labelWidth = Math.min(150, Math.round(width * 0.36));
  const valueWidth = 58;
  const barArea = Math.max(40, width - labelWidth - valueWidth - 2 * GAP);
  const height = data.length * ROW + 4;
  const m = mirror(isRtl, width);

  return (
    <div className="chart" ref={ref}>
      <ChartSvg isRtl={isRtl} title={title} description={description} width={width} height={height}>
        {data.map((datum, index) => {
          const y = index * ROW + 2;
          const barWidth = Math.max(datum.value > 0 ? 2 : 0, (Math.min(datum.value, max) / max) * barArea);
          const barStart = labelWidth + GAP;
          return (
            <g key={datum.key} className="chart__row">
              <text className="chart__label" x={m.x(0)} y={y + ROW / 2} dominantBaseline="middle" textAnchor="start">
                {truncate(datum.label, labelWidth)}
              </text>
              <rect className="chart__track" x={m.box(barStart, barArea)} y={y + (ROW - BAR) / 2} width={barArea} height={BAR} rx={3} />
              <rect className="chart__bar" x={m.box(barStart, barWidth)} y={y + (ROW - BAR) / 2} width={barWidth} height={BAR} rx={3} />
              <text
                className="chart__value"
                x={m.x(barStart + barArea + GAP)}
                y={y + ROW / 2}
                dominantBaseline="middle"
                textAnchor="start"
              >
                {datum.display}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <VisuallyHiddenTable table={tableOf(props)} />
    </div>
  );
}

const COLUMN_CHART_HEIGHT = 180;

/** Vertical columns (for ordered buckets such as age groups), mirrored in right-to-left layouts. */
export function ColumnChart(props: BarChartProps) {
  const { title, description, data } = props;
  const isRtl = useIsRtl();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const max = props.maxValue ?? Math.max(1, ...data.map((datum) => datum.value));
  const top = 22;
  const bottom = 26;
  const plot = COLUMN_CHART_HEIGHT - top - bottom;
  const slot = width / Math.max(1, data.length);
  const columnWidth = Math.min(44, slot * 0.6);
  const m = mirror(isRtl, width);

  return (
    <div className="chart" ref={ref}>
      <ChartSvg isRtl={isRtl} title={title} description={description} width={width} height={COLUMN_CHART_HEIGHT}>
        <line className="chart__axis" x1={0} x2={width} y1={top + plot + 0.5} y2={top + plot + 0.5} />
        {data.map((datum, index) => {
          const h = Math.max(datum.value > 0 ? 2 : 0, (Math.min(datum.value, max) / max) * plot);
          const center = m.x(slot * index + slot / 2);
          return (
            <g key={datum.key} className="chart__row">
              <rect className="chart__bar" x={center - columnWidth / 2} y={top + plot - h} width={columnWidth} height={h} rx={3} />
              <text className="chart__value" x={center} y={top + plot - h - 6} textAnchor="middle">
                {datum.display}
              </text>
              <text className="chart__label" x={center} y={COLUMN_CHART_HEIGHT - 8} textAnchor="middle">
                {datum.label}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <VisuallyHiddenTable table={tableOf(props)} />
    </div>
  );
}

/** Keeps long labels inside their column (about 7px per character at the chart's font size). */
function truncate(label: string, width: number): string {
  const fits = Math.max(4, Math.floor(width / 7));
  return label.length > fits ? `${label.slice(0, fits - 1)}…` : label;
}

export interface StackedSegment {
  key: string;
  label: string;
  value: number;
  display: string;
}

/** One bar split into shares (e.g. the audience's gender split), with a legend. */
export function StackedBar({ title, description, segments, rowHeader, valueHeader }: Omit<BarChartProps, 'data' | 'maxValue'> & { segments: readonly StackedSegment[] }) {
  const isRtl = useIsRtl();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const total = Math.max(100, segments.reduce((sum, segment) => sum + segment.value, 0));
  const m = mirror(isRtl, width);
  let offset = 0;
  const table: ChartTable = {
    caption: title,
    rowHeader,
    columns: [{ key: 'value', label: valueHeader }],
    rows: segments.map((segment) => ({ key: segment.key, label: segment.label, cells: { value: segment.display } })),
  };
  return (
    <div className="chart" ref={ref}>
      <ChartSvg isRtl={isRtl} title={title} description={description} width={width} height={22}>
        <rect className="chart__track" x={0} y={0} width={width} height={22} rx={4} />
        {segments.map((segment, index) => {
          const w = (segment.value / total) * width;
          const x = m.box(offset, w);
          offset += w;
          return <rect key={segment.key} className={`chart__segment chart__series--${index}`} x={x} y={0} width={w} height={22} />;
        })}
      </ChartSvg>
      <ul className="chart__legend" aria-hidden="true">
        {segments.map((segment, index) => (
          <li key={segment.key}>
            <span className={`chart__swatch chart__series--${index}`} />
            {segment.label} <strong>{segment.display}</strong>
          </li>
        ))}
      </ul>
      <VisuallyHiddenTable table={table} />
    </div>
  );
}

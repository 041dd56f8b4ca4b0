import { useId, type ReactNode } from 'react';

export interface ChartTableColumn {
  key: string;
  label: string;
}

export interface ChartTable {
  caption: string;
  /** The first column's heading (what each row is: a country, a date…). */
  rowHeader: string;
  columns: readonly ChartTableColumn[];
  rows: readonly { key: string; label: string; cells: Record<string, string> }[];
}

/** The numbers behind a chart, for screen readers (the SVG is a picture of this table). */
export function VisuallyHiddenTable({ table }: { table: ChartTable }) {
  return (
    // A table ignores a 1px width: the wrapper is what gets hidden.
    <div className="visually-hidden">
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {table.columns.map((column) => (
                <td key={column.key}>{row.cells[column.key] ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ChartSvgProps {
  isRtl: boolean;
  title: string;
  description: string;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}

/**
 * An accessible chart picture: `role="img"` named by its `<title>` and described by its `<desc>`.
 * Its text runs in the UI's direction (so Persian numbers and percent signs read right), and
 * `text-anchor: start` means the reading start — the right edge in Persian.
 */
export function ChartSvg({ isRtl, title, description, width, height, className, children }: ChartSvgProps) {
  const id = useId();
  return (
    <svg
      className={['chart__svg', className ?? ''].filter(Boolean).join(' ')}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      direction={isRtl ? 'rtl' : 'ltr'}
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Mirrors x positions in right-to-left layouts (text anchors follow the SVG's own direction). */
export function mirror(isRtl: boolean, width: number) {
  return {
    /** A point. */
    x: (x: number) => (isRtl ? width - x : x),
    /** The left edge of a box that starts at `x` (reading direction) and is `w` wide. */
    box: (x: number, w: number) => (isRtl ? width - x - w : x),
  };
}

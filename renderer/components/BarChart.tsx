/**
 * A small horizontal bar chart of named counts (spans per label, documents per split): one row
 * per item with its name, a bar scaled to the largest value, and the number. Plain elements, so
 * screen readers read it as a list of "name: count" items; no chart library, no canvas.
 */
import type { CSSProperties } from 'react';
import { formatCount } from '../util/format';
import './BarChart.css';

/** One bar: its name, its count and, optionally, its colour (a CSS colour). */
export type Bar = Readonly<{ name: string; value: number; color?: string }>;

export type BarChartProps = Readonly<{
  /** The accessible name of the chart ("Spans per label"). */
  label: string;
  bars: readonly Bar[];
  /** What to say when there are no bars. */
  empty?: string;
}>;

/** Renders the bars in the order given; a zero value shows an empty track. */
export function BarChart({ label, bars, empty = 'None' }: BarChartProps) {
  if (bars.length === 0) return <p className="cd-export-none">{empty}</p>;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="cd-bars" aria-label={label}>
      {bars.map((b) => (
        <li
          key={b.name}
          className="cd-bar"
          aria-label={`${b.name}: ${formatCount(b.value)}`}
          style={b.color ? ({ '--bar-color': b.color } as CSSProperties) : undefined}
        >
          <span className="cd-bar-name" title={b.name}>
            {b.name}
          </span>
          <span className="cd-bar-track" aria-hidden="true">
            <span className="cd-bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </span>
          <span className="cd-bar-value" aria-hidden="true">
            {formatCount(b.value)}
          </span>
        </li>
      ))}
    </ul>
  );
}

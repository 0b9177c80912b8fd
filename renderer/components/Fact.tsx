/** One label/value pair in a description list (`<dt>`/`<dd>`), for the details panel. */
import type { ReactNode } from 'react';
import './Fact.css';

/** Renders `label` and its value; must sit inside a `<dl>`. */
export function Fact({ label, children }: Readonly<{ label: string; children: ReactNode }>) {
  return (
    <div className="cd-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

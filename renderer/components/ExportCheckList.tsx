/**
 * A fieldset of checkboxes in the export dialog (labels, relation types) with All and None in
 * its legend; label chips carry their colour as --label-color.
 */
import type { CSSProperties } from 'react';

export type ExportCheckListProps = Readonly<{
  legend: string;
  names: readonly string[];
  checked: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  /** A colour per name, for a swatch beside it; absent: no swatches. */
  colorOf?: (name: string) => string;
}>;

/** @returns the set with `name` added when it was absent and removed when present */
function toggled(set: ReadonlySet<string>, name: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(name)) next.add(name);
  return next;
}

/** Renders the fieldset ("None in the schema." when there are no names). */
export function ExportCheckList({ legend, names, checked, onChange, colorOf }: ExportCheckListProps) {
  return (
    <fieldset className="cd-export-fieldset">
      <legend className="cd-field-label cd-export-legend">
        {legend}
        <span className="cd-export-legend-actions">
          <button type="button" className="cd-link-button" onClick={() => onChange(new Set(names))} disabled={names.every((n) => checked.has(n))}>
            All
          </button>
          <button type="button" className="cd-link-button" onClick={() => onChange(new Set())} disabled={checked.size === 0}>
            None
          </button>
        </span>
      </legend>
      {names.length === 0 ? (
        <p className="cd-field-hint">None in the schema.</p>
      ) : (
        <div className="cd-export-checks">
          {names.map((n) => (
            <label key={n} className="cd-export-check" style={colorOf ? ({ '--label-color': colorOf(n) } as CSSProperties) : undefined}>
              <input type="checkbox" checked={checked.has(n)} onChange={() => onChange(toggled(checked, n))} />
              {colorOf && <span className="cd-panel-swatch" aria-hidden="true" />}
              <span>{n}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

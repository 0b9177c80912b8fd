/**
 * The Agreement view's tables (#11): span agreement per label for the chosen measure (rows: the
 * pairs of annotators and their mean; columns: the labels and Overall), relations (F1 per
 * relation type) and attributes (Cohen's kappa per `<label>.<attribute>`, with the number of
 * matched span pairs it is over). Every cell is a figure to two decimals on a shade from red (0)
 * to green (1); a dash is undefined, and the notes say why. Display only.
 */
import type { CSSProperties } from 'react';
import type { Figure } from '../../shared/agreement';
import { figureShade, formatFigure, keysOf, measureName, type FigureRow, type Measure } from './agreement-figures';

/** One figure cell (`isMean`: in the mean's column). */
function Cell({ figure, title, isMean = false }: Readonly<{ figure: Figure | undefined; title?: string; isMean?: boolean }>) {
  const shade = figureShade(figure);
  return (
    <td
      className={['cd-agree-cell', shade ? '' : 'is-undefined', isMean ? 'is-mean' : ''].filter(Boolean).join(' ')}
      style={shade ? ({ '--shade': shade } as CSSProperties) : undefined}
      title={figure === null || figure === undefined ? 'Undefined: see the notes' : title}
    >
      {formatFigure(figure)}
    </td>
  );
}

/** Span agreement per label: rows are pairs and the mean, columns the labels and Overall. */
export function LabelTable({ rows, labels, measure }: Readonly<{ rows: readonly FigureRow[]; labels: readonly string[]; measure: Measure }>) {
  const caption = `Span agreement per label (${measureName(measure)})`;
  return (
    <table className="cd-agree-table" aria-label={caption}>
      <caption className="cd-agree-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Pair</th>
          {labels.map((l) => (
            <th key={l} scope="col">
              {l}
            </th>
          ))}
          <th scope="col">Overall</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} className={r.isMean ? 'is-mean' : undefined}>
            <th scope="row">{r.name}</th>
            {labels.map((l) => (
              <Cell key={l} figure={r.figures.labels[l]?.[measure]} />
            ))}
            <Cell figure={measure === 'alpha_u' ? undefined : r.figures.overall[measure]} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Relation agreement: rows are pairs and the mean, columns the relation types (F1). */
export function RelationTable({ rows }: Readonly<{ rows: readonly FigureRow[] }>) {
  const types = keysOf(rows, 'relations');
  if (types.length === 0) return <p className="cd-muted cd-agree-none">No relations to compare.</p>;
  return (
    <table className="cd-agree-table" aria-label="Relation agreement (F1)">
      <caption className="cd-agree-caption">Relations (F1)</caption>
      <thead>
        <tr>
          <th scope="col">Pair</th>
          {types.map((t) => (
            <th key={t} scope="col">
              {t}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} className={r.isMean ? 'is-mean' : undefined}>
            <th scope="row">{r.name}</th>
            {types.map((t) => (
              <Cell key={t} figure={r.figures.relations[t]?.f1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Attribute agreement: rows are `<label>.<attribute>`, columns the pairs and the mean (kappa, n in the tooltip). */
export function AttributeTable({ rows }: Readonly<{ rows: readonly FigureRow[] }>) {
  const keys = keysOf(rows, 'attributes');
  if (keys.length === 0) return <p className="cd-muted cd-agree-none">No attributes to compare.</p>;
  return (
    <table className="cd-agree-table" aria-label="Attribute agreement (Cohen’s kappa)">
      <caption className="cd-agree-caption">Attributes (Cohen’s kappa)</caption>
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          {rows.map((r) => (
            <th key={r.name} scope="col" className={r.isMean ? 'is-mean' : undefined}>
              {r.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            {rows.map((r) => {
              const f = r.figures.attributes[k];
              return <Cell key={r.name} figure={f?.kappa} title={f ? `over ${f.n} matched span pairs` : undefined} isMean={r.isMean} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An export report as the export dialog shows it, before writing (the preview) and after: what the
 * format does not keep, documents, the layers used and the documents skipped (#11), spans per label and relations per type as bar charts, the
 * documents and spans of each split, attribute value counts, the spans the format cannot express
 * (the first PROBLEMS_SHOWN, located by document title and code point offsets), and the files
 * written. What the format does not keep is listed with the spans, relations and values of this
 * export it leaves out (#12); the other counts are of what is written. Display only: the counting
 * is the export core's.
 */
import { droppedSpans, dropText, SPLIT_NAMES, type ExportProblem, type ExportReport, type SplitName } from '../../shared/formats/report';
import { countOf } from '../../shared/model/keys';
import type { Schema } from '../../shared/model/types';
import { labelColor } from '../editor/annotation-views';
import { formatCount, formatQuantity } from '../util/format';
import { BarChart } from './BarChart';
import { ExportLayersView } from './ExportLayersView';
import './ExportReportView.css';

/** How many problems are listed; the rest are counted. */
export const PROBLEMS_SHOWN = 50;

const SPLIT_COLORS: Readonly<Record<SplitName, string>> = { train: 'var(--accent)', dev: '#b7791f', test: '#2e8b46' };
const PROBLEM_KINDS: Readonly<Record<ExportProblem['kind'], string>> = {
  overlap: 'overlaps',
  misaligned: 'not on token boundaries',
  no_tokens: 'covers no token',
  attribute: 'attribute value',
  note: 'note changed',
  unwritable: 'cannot be written',
};

export type ExportReportViewProps = Readonly<{
  report: ExportReport;
  schema: Schema;
  /** Document titles by id, to say where a problem is (the id is shown for unknown documents). */
  titles: ReadonlyMap<string, string>;
  /** Absolute paths of the files written (after an export). */
  files?: readonly string[];
}>;

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Renders the report's sections; the caller gives it a heading and a scroll container. */
export function ExportReportView({ report, schema, titles, files }: ExportReportViewProps) {
  const spans = sum(report.spansPerLabel);
  const relations = sum(report.relationsPerType);
  // Labels in schema order, then any the schema no longer has.
  const schemaOrder = schema.labels.map((l) => l.name);
  const labelNames = [
    ...schemaOrder.filter((l) => l in report.spansPerLabel),
    ...Object.keys(report.spansPerLabel).filter((l) => !schemaOrder.includes(l)),
  ];
  const splits = report.splits;
  const notKept = droppedSpans(report);
  const shownProblems = report.problems.slice(0, PROBLEMS_SHOWN);
  const attributeRows = Object.entries(report.attributeValues).flatMap(([name, values]) =>
    Object.entries(values).map(([value, n]) => ({ name, value, n })),
  );

  return (
    <div className="cd-export-report">
      <p className="cd-export-summary">
        <strong>{formatQuantity(report.documents, 'document')}</strong>
        <span aria-hidden="true"> · </span>
        {formatQuantity(spans, 'span')}
        {!report.countedFromIndex && (
          <>
            <span aria-hidden="true"> · </span>
            {formatQuantity(relations, 'relation')}
          </>
        )}
      </p>
      {report.drops.length > 0 && (
        <section className="cd-export-section" aria-label="Not kept in this format">
          <h3 className="cd-export-subtitle">Not kept in this format</h3>
          <ul className="cd-export-drops">
            {report.drops.map((d) => (
              <li key={d.what} className={Object.keys(d.counts).length > 0 ? 'cd-export-drop is-counted' : 'cd-export-drop'}>
                {dropText(d)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.tokenizer && <p className="cd-field-hint">Tokenizer: {report.tokenizer}. Offsets in Unicode code points.</p>}

      <ExportLayersView report={report} />

      {files && files.length > 0 && (
        <section className="cd-export-section" aria-label="Files written">
          <h3 className="cd-export-subtitle">Files written</h3>
          <ul className="cd-export-files">
            {files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      {splits && (
        <section className="cd-export-section" aria-label="Splits">
          <h3 className="cd-export-subtitle">Splits</h3>
          <div className="cd-export-charts">
            <div>
              <p className="cd-export-chart-title">Documents</p>
              <BarChart
                label="Documents per split"
                bars={SPLIT_NAMES.filter((s) => splits[s]).map((s) => ({ name: s, value: splits[s]!.documents, color: SPLIT_COLORS[s] }))}
              />
            </div>
            <div>
              <p className="cd-export-chart-title">Spans</p>
              <BarChart
                label="Spans per split"
                bars={SPLIT_NAMES.filter((s) => splits[s]).map((s) => ({ name: s, value: splits[s]!.spans, color: SPLIT_COLORS[s] }))}
              />
            </div>
          </div>
        </section>
      )}

      <section className="cd-export-section" aria-label="Spans per label">
        <h3 className="cd-export-subtitle">Spans per label</h3>
        <BarChart
          label="Spans per label"
          bars={labelNames.map((l) => ({ name: l, value: countOf(report.spansPerLabel, l), color: labelColor(schema, l) }))}
          empty="No spans."
        />
      </section>

      <section className="cd-export-section" aria-label="Relations per type">
        <h3 className="cd-export-subtitle">Relations per type</h3>
        {report.countedFromIndex ? (
          <p className="cd-export-none">Counted while writing (nothing in this format needs checking first).</p>
        ) : (
          <BarChart
            label="Relations per type"
            bars={Object.entries(report.relationsPerType).map(([name, value]) => ({ name, value }))}
            empty="No relations."
          />
        )}
      </section>

      {attributeRows.length > 0 && (
        <details className="cd-export-section cd-export-attrs">
          <summary className="cd-export-subtitle">Attribute values ({formatCount(attributeRows.length)})</summary>
          <table className="cd-export-table">
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col">Value</th>
                <th scope="col">Spans</th>
              </tr>
            </thead>
            <tbody>
              {attributeRows.map((r) => (
                <tr key={`${r.name}=${r.value}`}>
                  <td>{r.name}</td>
                  <td>{r.value}</td>
                  <td className="cd-export-num">{formatCount(r.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}

      <section className="cd-export-section" aria-label="Spans the format cannot express">
        <h3 className="cd-export-subtitle">
          Cannot be expressed as they are
          <span className={report.problems.length > 0 ? 'cd-export-count cd-export-count--warn' : 'cd-export-count'}>
            {formatCount(report.problems.length)}
          </span>
        </h3>
        {report.countedFromIndex ? (
          <p className="cd-export-none">Nothing: this format keeps every span as it is.</p>
        ) : report.problems.length === 0 ? (
          <p className="cd-export-none">
            {notKept === 0
              ? 'Nothing: every span is written as it is.'
              : `Nothing among the spans written; ${formatQuantity(notKept, 'span')} not kept (see “Not kept in this format”).`}
          </p>
        ) : (
          <>
            <ul className="cd-export-problems">
              {shownProblems.map((p) => (
                <li key={`${p.docId}:${p.spanId}:${p.kind}:${p.message}`} className="cd-export-problem">
                  <span className="cd-export-problem-where">
                    <span className="cd-ellipsis">{titles.get(p.docId) ?? p.docId}</span>
                    <span className="cd-export-problem-at">
                      [{p.start}, {p.end})
                    </span>
                  </span>
                  <span className="cd-export-problem-what">
                    <span className="cd-export-problem-label" style={{ color: labelColor(schema, p.label) }}>
                      {p.label}
                    </span>{' '}
                    <span className="cd-export-problem-kind">{PROBLEM_KINDS[p.kind]}</span> “{p.quote}” — {p.message}
                  </span>
                </li>
              ))}
            </ul>
            {report.problems.length > shownProblems.length && (
              <p className="cd-export-more">and {formatCount(report.problems.length - shownProblems.length)} more</p>
            )}
          </>
        )}
      </section>
    </div>
  );
}

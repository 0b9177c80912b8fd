/**
 * The export dialog: format, which documents (the current one, the selected ones or the whole
 * workspace; all or only those marked done, the default for the training-data formats), which
 * labels and relation types, an optional train/dev/test split, and the destination, which only
 * the shell can choose (a native dialog in Electron, a fresh folder under the workspace in a
 * browser). While the options change, a preview of the report (counted by the service without
 * writing) shows the documents, spans per label, relations per type and the spans the format
 * cannot express. Export starts a job in the service; the dialog polls it for a progress bar with
 * Cancel, then shows the report after writing with the files written. Closing the dialog while
 * an export runs cancels it (nothing is left at the destination).
 *
 * A native modal <dialog>: the page behind is inert, Tab stays inside, Escape closes; focus
 * returns to where it was. It computes nothing of the export itself: counts come from the service.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import type { ClaimdeskApi, ExportDestination, ExportJob, ExportRequest } from '../../shared/api';
import type { ExportFormat } from '../../shared/export/format';
import type { ExportReport } from '../../shared/export/report';
import type { Schema } from '../../shared/model/types';
import { describeError, formatCount, formatQuantity } from '../util/format';
import { ExportReportView } from './ExportReportView';
import '../panels.css';
import '../export.css';
import { trapTab } from '../util/trap-tab';

/** The workspace's schema, the documents the user is looking at, and how to close. */
export type ExportDialogProps = Readonly<{
  api: ClaimdeskApi;
  /** Offers its labels and relation types (all checked at first) and colours the charts. */
  schema: Schema;
  /** The open document, or null (then "Current document" is not offered). */
  currentDocId: string | null;
  /** The documents selected in the list (empty: "Selected documents" is not offered). */
  selectedDocIds: readonly string[];
  onClose: () => void;
}>;

/** The formats, in the order offered, with the names the user sees. */
const FORMATS: readonly (readonly [ExportFormat, string])[] = [
  ['jsonl', 'Claimdesk JSONL'],
  ['claims-csv', 'Claims table CSV'],
  ['claims-tsv', 'Claims table TSV'],
  ['w3c', 'W3C Web Annotation'],
  ['brat', 'brat standoff'],
  ['conll', 'CoNLL IOB2'],
  ['hf', 'Hugging Face JSONL'],
  ['spacy', 'spaCy JSONL'],
];
/** Training-data formats export only documents marked done unless the user says otherwise. */
const TRAINING_FORMATS: ReadonlySet<ExportFormat> = new Set(['conll', 'hf', 'spacy']);
const PREVIEW_DELAY_MS = 250;
const POLL_MS = 200;
const MAX_SEED = 0xffffffff;

type Scope = 'current' | 'selected' | 'workspace';
type Ratios = Readonly<{ train: string; dev: string; test: string }>;
type Preview = Readonly<{ report: ExportReport | null; error: string | null; isLoading: boolean }>;

/** What is wrong with the split fields, and which fields it is about; null when nothing is. */
function splitIssue(ratios: Ratios, seed: string): Readonly<{ message: string; fields: readonly string[] }> | null {
  const isBadRatio = (v: string) => v.trim() === '' || !Number.isFinite(Number(v)) || Number(v) < 0;
  const bad = (['train', 'dev', 'test'] as const).filter((s) => isBadRatio(ratios[s]));
  if (bad.length > 0) return { message: 'Each ratio must be a number, 0 or more.', fields: bad };
  if (Number(ratios.train) + Number(ratios.dev) + Number(ratios.test) <= 0) return { message: 'At least one ratio must be above 0.', fields: ['train', 'dev', 'test'] };
  if (!/^\d+$/.test(seed.trim()) || Number(seed) > MAX_SEED) return { message: `The seed must be a whole number from 0 to ${formatCount(MAX_SEED)}.`, fields: ['seed'] };
  return null;
}

/** Renders the dialog, open, for as long as it is mounted. */
export function ExportDialog({ api, schema, currentDocId, selectedDocIds, onClose }: ExportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const baseId = useId();
  const id = (field: string) => `${baseId}-${field}`;
  const allLabels = useMemo(() => schema.labels.map((l) => l.name), [schema]);
  const allTypes = useMemo(() => schema.relationTypes.map((t) => t.name), [schema]);

  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const [scope, setScope] = useState<Scope>('workspace');
  // null until the user picks: then the format decides (only done for training data).
  const [statusChoice, setStatusChoice] = useState<'all' | 'done' | null>(null);
  const [labels, setLabels] = useState<ReadonlySet<string>>(() => new Set(allLabels));
  const [types, setTypes] = useState<ReadonlySet<string>>(() => new Set(allTypes));
  const [isSplit, setSplit] = useState(false);
  const [ratios, setRatios] = useState<Ratios>({ train: '80', dev: '10', test: '10' });
  const [seed, setSeed] = useState('1');
  const [stratify, setStratify] = useState(true);
  const [destination, setDestination] = useState<ExportDestination | null>(null);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [preview, setPreview] = useState<Preview>({ report: null, error: null, isLoading: true });
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isCancelling, setCancelling] = useState(false);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    document.getElementById(`${baseId}-format`)?.focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, [baseId]);

  // Titles locate problems and count the workspace.
  useEffect(() => {
    let isCurrent = true;
    api.listDocuments().then(
      (rows) => isCurrent && setTitles(new Map(rows.map((r) => [r.id, r.title]))),
      (err: unknown) => isCurrent && setError(describeError('Could not list the documents', err)),
    );
    return () => {
      isCurrent = false;
    };
  }, [api]);

  const effectiveScope: Scope = scope === 'current' && currentDocId === null ? 'workspace' : scope === 'selected' && selectedDocIds.length === 0 ? 'workspace' : scope;
  const isOnlyDone = (statusChoice ?? (TRAINING_FORMATS.has(format) ? 'done' : 'all')) === 'done';
  const splitProblem = isSplit ? splitIssue(ratios, seed) : null;

  const request: ExportRequest | null = useMemo(() => {
    if (splitProblem) return null;
    const docIds = effectiveScope === 'current' && currentDocId ? [currentDocId] : effectiveScope === 'selected' ? [...selectedDocIds] : null;
    return {
      format,
      ...(docIds ? { docIds } : {}),
      ...(isOnlyDone ? { status: 'done' as const } : {}),
      // Everything checked sends no filter, so labels found only in the data are exported too.
      ...(allLabels.every((l) => labels.has(l)) ? {} : { labels: allLabels.filter((l) => labels.has(l)) }),
      ...(allTypes.every((t) => types.has(t)) ? {} : { relationTypes: allTypes.filter((t) => types.has(t)) }),
      ...(isSplit ? { split: { train: Number(ratios.train), dev: Number(ratios.dev), test: Number(ratios.test), seed: Number(seed), stratify } } : {}),
    };
  }, [splitProblem, effectiveScope, currentDocId, selectedDocIds, format, isOnlyDone, allLabels, labels, allTypes, types, isSplit, ratios, seed, stratify]);
  const requestKey = JSON.stringify(request);

  // The report before writing, recounted (debounced) whenever the options change.
  useEffect(() => {
    if (request === null || job !== null) return;
    let isCurrent = true;
    setPreview((p) => ({ ...p, isLoading: true }));
    const timer = setTimeout(() => {
      api.previewExport(request).then(
        (report) => isCurrent && setPreview({ report, error: null, isLoading: false }),
        (err: unknown) => isCurrent && setPreview({ report: null, error: describeError('Could not count what would be exported', err), isLoading: false }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // requestKey stands for request: a new object with the same content must not recount.
  }, [api, requestKey, job !== null]);

  // A running job is polled until it ends.
  useEffect(() => {
    if (job?.state !== 'running') return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      api.getExportJob({ jobId: job.jobId }).then(
        (next) => isCurrent && setJob(next),
        (err: unknown) => isCurrent && setError(describeError('Lost track of the export', err)),
      );
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, job]);

  // ---- actions ----
  const changeFormat = (next: ExportFormat) => {
    setFormat(next);
    setDestination(null); // a destination is chosen for one format (its extension and layout)
  };
  const changeSplit = (next: boolean) => {
    setSplit(next);
    setDestination(null); // a split export is a folder
  };
  const toggle = (set: ReadonlySet<string>, name: string): ReadonlySet<string> => {
    const next = new Set(set);
    if (!next.delete(name)) next.add(name);
    return next;
  };

  const chooseDestination = async (): Promise<ExportDestination | null> => {
    setError(null);
    try {
      const chosen = await api.chooseExportDestination({ format, split: isSplit });
      if (chosen) setDestination(chosen);
      return chosen;
    } catch (err) {
      setError(describeError('Could not choose where to export', err));
      return null;
    }
  };

  const startExport = async () => {
    if (request === null || isBusy) return;
    setBusy(true);
    setError(null);
    try {
      const target = destination ?? (await chooseDestination());
      if (!target) return;
      const { jobId } = await api.startExport({ ...request, destination: target.destination, ...(target.exists ? { overwrite: true } : {}) });
      setJob(await api.getExportJob({ jobId }));
    } catch (err) {
      setError(describeError('Could not start the export', err));
    } finally {
      setBusy(false);
    }
  };

  const cancelExport = () => {
    if (!job || isCancelling) return;
    setCancelling(true);
    api
      .cancelExport({ jobId: job.jobId })
      .then(setJob, (err: unknown) => setError(describeError('Could not cancel the export', err)))
      .finally(() => setCancelling(false));
  };

  const backToOptions = () => {
    setJob(null);
    setError(null);
    setDestination(null); // the last export is there now: the next one gets a fresh destination
  };

  const requestClose = () => {
    if (job?.state === 'running')
      api.cancelExport({ jobId: job.jobId }).catch(() => undefined); // the dialog is closing: there is nowhere left to show a failure
    onClose();
  };
  const onCancel = (e: SyntheticEvent) => {
    e.preventDefault();
    requestClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') onCancel(e);
    else if (e.key === 'Tab') trapTab(e);
  };

  // ---- rendering ----
  const checkList = (legend: string, names: readonly string[], checked: ReadonlySet<string>, set: (next: ReadonlySet<string>) => void, colorOf?: (name: string) => string): ReactNode => (
    <fieldset className="cd-export-fieldset">
      <legend className="cd-field-label cd-export-legend">
        {legend}
        <span className="cd-export-legend-actions">
          <button type="button" className="cd-link-button" onClick={() => set(new Set(names))} disabled={names.every((n) => checked.has(n))}>
            All
          </button>
          <button type="button" className="cd-link-button" onClick={() => set(new Set())} disabled={checked.size === 0}>
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
              <input type="checkbox" checked={checked.has(n)} onChange={() => set(toggle(checked, n))} />
              {colorOf && <span className="cd-panel-swatch" aria-hidden="true" />}
              <span>{n}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );

  const radio = (value: Scope, text: string, isDisabled: boolean) => (
    <label className={isDisabled ? 'cd-export-check is-disabled' : 'cd-export-check'}>
      <input type="radio" name={id('scope')} value={value} checked={effectiveScope === value} disabled={isDisabled} onChange={() => setScope(value)} />
      <span>{text}</span>
    </label>
  );

  const options = (
    <div className="cd-export-options">
      <div className="cd-field">
        <label className="cd-field-label" htmlFor={id('format')}>
          Format
        </label>
        <select id={id('format')} className="cd-input cd-export-select" value={format} onChange={(e) => changeFormat(e.target.value as ExportFormat)}>
          {FORMATS.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="cd-export-fieldset">
        <legend className="cd-field-label cd-export-legend">Documents</legend>
        <div className="cd-export-checks cd-export-checks--column">
          {radio('current', 'Current document', currentDocId === null)}
          {radio('selected', selectedDocIds.length > 0 ? `Selected documents (${formatCount(selectedDocIds.length)})` : 'Selected documents', selectedDocIds.length === 0)}
          {radio('workspace', titles.size > 0 ? `Whole workspace (${formatCount(titles.size)})` : 'Whole workspace', false)}
        </div>
      </fieldset>

      <fieldset className="cd-export-fieldset">
        <legend className="cd-field-label cd-export-legend">Status</legend>
        <div className="cd-segmented cd-export-segmented">
          <label className="cd-segment">
            <input type="radio" name={id('status')} checked={!isOnlyDone} onChange={() => setStatusChoice('all')} />
            <span>All documents</span>
          </label>
          <label className="cd-segment cd-segment--done">
            <input type="radio" name={id('status')} checked={isOnlyDone} onChange={() => setStatusChoice('done')} />
            <span>Only done</span>
          </label>
        </div>
      </fieldset>

      {checkList('Labels', allLabels, labels, setLabels, (n) => schema.labels.find((l) => l.name === n)?.color ?? 'var(--text-faint)')}
      {checkList('Relation types', allTypes, types, setTypes)}

      <fieldset className="cd-export-fieldset">
        <legend className="cd-field-label cd-export-legend">Splits</legend>
        <label className="cd-export-check">
          <input type="checkbox" checked={isSplit} onChange={(e) => changeSplit(e.target.checked)} />
          <span>Split into train/dev/test</span>
        </label>
        {isSplit && (
          <div className="cd-export-split">
            {(['train', 'dev', 'test'] as const).map((s) => (
              <div key={s} className="cd-export-split-field">
                <label className="cd-field-label" htmlFor={id(`ratio-${s}`)}>
                  {s === 'train' ? 'Train' : s === 'dev' ? 'Dev' : 'Test'}
                </label>
                <input
                  id={id(`ratio-${s}`)}
                  className="cd-input"
                  type="number"
                  min={0}
                  inputMode="decimal"
                  value={ratios[s]}
                  aria-invalid={splitProblem?.fields.includes(s) === true}
                  onChange={(e) => setRatios((r) => ({ ...r, [s]: e.target.value }))}
                />
              </div>
            ))}
            <div className="cd-export-split-field">
              <label className="cd-field-label" htmlFor={id('seed')}>
                Seed
              </label>
              <input
                id={id('seed')}
                className="cd-input"
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={seed}
                aria-invalid={splitProblem?.fields.includes('seed') === true}
                onChange={(e) => setSeed(e.target.value)}
              />
            </div>
            <label className="cd-export-check cd-export-split-stratify">
              <input type="checkbox" checked={stratify} onChange={(e) => setStratify(e.target.checked)} />
              <span>Stratify: every split gets documents with claims</span>
            </label>
            <p className="cd-field-hint cd-export-split-hint">By document; the same seed gives the same split. Duplicate texts stay together.</p>
            {splitProblem && (
              <p className="cd-export-issue" role="alert">
                {splitProblem.message}
              </p>
            )}
          </div>
        )}
      </fieldset>

      <div className="cd-field cd-export-destination">
        <span className="cd-field-label" id={id('destination-label')}>
          Destination
        </span>
        <div className="cd-export-destination-row">
          <output className={destination ? 'cd-export-path' : 'cd-export-path is-empty'} aria-labelledby={id('destination-label')} title={destination?.destination}>
            {destination ? destination.destination : 'Chosen when you export'}
          </output>
          <button type="button" className="cd-button cd-button--small" onClick={() => void chooseDestination()} disabled={isBusy}>
            Choose…
          </button>
        </div>
        {destination?.exists && <p className="cd-field-hint cd-export-replace">Something is there already; exporting replaces it.</p>}
      </div>
    </div>
  );

  const previewPanel = (
    <section className="cd-export-preview" aria-label="Report before writing" aria-busy={preview.isLoading}>
      <h3 className="cd-export-panel-title">
        Report before writing
        {preview.isLoading && request !== null && <span className="cd-export-counting">counting…</span>}
      </h3>
      {splitProblem ? (
        <p className="cd-export-none">Fix the split to see the report. {splitProblem.message}</p>
      ) : preview.error ? (
        <p className="cd-dialog-error" role="alert">
          {preview.error}
        </p>
      ) : preview.report ? (
        <div className={preview.isLoading ? 'cd-export-stale' : undefined}>
          <ExportReportView report={preview.report} schema={schema} titles={titles} />
        </div>
      ) : (
        <p className="cd-export-none">Counting…</p>
      )}
    </section>
  );

  let body: ReactNode;
  let foot: ReactNode;
  if (job === null) {
    const isEmpty = !preview.isLoading && preview.report?.documents === 0;
    body = (
      <div className="cd-export-body">
        {options}
        {previewPanel}
      </div>
    );
    foot = (
      <>
        <span className="cd-dialog-foot-note">{isEmpty ? 'No documents match these options.' : preview.report && !preview.isLoading ? `${formatQuantity(preview.report.documents, 'document')} to export` : ''}</span>
        <span className="cd-dialog-foot-spacer" />
        <button type="button" className="cd-button" onClick={requestClose}>
          Close
        </button>
        <button type="button" className="cd-button cd-button--primary" onClick={() => void startExport()} disabled={isBusy || request === null || isEmpty}>
          {isBusy ? 'Starting…' : 'Export'}
        </button>
      </>
    );
  } else {
    const percent = job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
    const title =
      job.state === 'running' ? 'Exporting…' : job.state === 'done' ? 'Export finished' : job.state === 'cancelled' ? 'Export cancelled' : 'Export failed';
    body = (
      <div className="cd-export-job">
        <h3 className="cd-export-panel-title">{title}</h3>
        {job.state === 'running' && (
          <>
            <div className="cd-export-progress" role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
              <span className="cd-export-progress-fill" style={{ width: `${percent}%` }} />
            </div>
            <p className="cd-field-hint">
              {percent}% · {job.plan ? 'writing' : 'checking the documents, then writing'} to <code>{destination?.destination}</code>
            </p>
            {job.plan && (
              <section className="cd-export-section" aria-label="Report before writing">
                <h3 className="cd-export-panel-title">Report before writing</h3>
                <ExportReportView report={job.plan} schema={schema} titles={titles} />
              </section>
            )}
          </>
        )}
        {job.state === 'cancelled' && <p className="cd-export-none">Nothing was written; the destination is as it was.</p>}
        {job.state === 'failed' && (
          <p className="cd-dialog-error" role="alert">
            {job.error?.message ?? 'The export failed.'} Nothing was written.
          </p>
        )}
        {job.state === 'done' && job.report && <ExportReportView report={job.report} schema={schema} titles={titles} files={job.files ?? []} />}
      </div>
    );
    foot =
      job.state === 'running' ? (
        <>
          <span className="cd-dialog-foot-spacer" />
          <button type="button" className="cd-button" onClick={cancelExport} disabled={isCancelling}>
            {isCancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="cd-button" onClick={backToOptions}>
            {job.state === 'done' ? 'Export again…' : 'Back to options'}
          </button>
          <span className="cd-dialog-foot-spacer" />
          <button type="button" className="cd-button cd-button--primary" onClick={requestClose}>
            Close
          </button>
        </>
      );
  }

  return (
    <dialog ref={dialogRef} className="cd-dialog cd-export" aria-modal="true" aria-label="Export" onCancel={onCancel} onKeyDown={onKeyDown}>
      <header className="cd-dialog-head">
        <h2 className="cd-dialog-title">Export</h2>
        <button type="button" className="cd-icon-button" aria-label="Close" onClick={requestClose}>
          ×
        </button>
      </header>
      {body}
      {error && (
        <p className="cd-dialog-error cd-export-error" role="alert">
          {error}
        </p>
      )}
      <footer className="cd-dialog-foot">{foot}</footer>
    </dialog>
  );
}

/**
 * The Agreement view (#11): how much the annotators agree, as the service computes it
 * (getAgreement). A measure choice (F1 exact, F1 overlap, α_u) for the span table; which
 * annotators to compare; the tables of span agreement per label (pairs and their mean against
 * the labels and Overall), relations and attributes; the notes that explain every undefined
 * figure; and the documents from least to most agreement, each opening for curation
 * (`onOpenInCuration`). A native modal <dialog>: Tab stays inside, Escape closes.
 */
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { AgreementRequest, ClaimdeskApi } from '../../shared/api';
import type { Schema } from '../../shared/model/types';
import { useAgreement } from '../hooks/use-agreement';
import { formatQuantity } from '../util/format';
import { trapTab } from '../util/trap-tab';
import { MEASURES, pairRows, reportLabels, type Measure } from './agreement-figures';
import { AgreementDocuments } from './AgreementDocuments';
import { AttributeTable, LabelTable, RelationTable } from './AgreementTables';
import { DialogHead } from './DialogHead';
import './AgreementDialog.css';

export type AgreementDialogProps = Readonly<{
  api: ClaimdeskApi;
  /** Orders the label columns. */
  schema: Schema;
  /** Opens a document for curation (the dialog closes first). */
  onOpenInCuration: (docId: string) => void;
  onClose: () => void;
}>;

const EVERYONE: AgreementRequest = {};

/** Renders the dialog, open, for as long as it is mounted. */
export function AgreementDialog({ api, schema, onOpenInCuration, onClose }: AgreementDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [measure, setMeasure] = useState<Measure>('f1_exact');
  // Every annotator (from the first report, over everyone) and those left out of the comparison.
  const [everyone, setEveryone] = useState<readonly string[] | null>(null);
  const [left, setLeft] = useState<ReadonlySet<string>>(() => new Set());
  const compared = useMemo(() => (everyone ?? []).filter((a) => !left.has(a)), [everyone, left]);
  const request = useMemo<AgreementRequest>(() => (left.size === 0 ? EVERYONE : { annotators: compared }), [left, compared]);
  const { report, isLoading, error } = useAgreement(api, request);
  if (report && everyone === null && request === EVERYONE) setEveryone(report.annotators);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);

  const onCancel = (e: SyntheticEvent) => {
    e.preventDefault();
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Tab') trapTab(e);
  };
  const toggle = (name: string, isOn: boolean) =>
    setLeft((prev) => {
      const next = new Set(prev);
      if (isOn) next.delete(name);
      else next.add(name);
      return next;
    });

  const rows = report ? pairRows(report) : [];
  const labels = report
    ? reportLabels(
        report,
        schema.labels.map((l) => l.name),
      )
    : [];

  return (
    <dialog
      ref={dialogRef}
      className="cd-dialog cd-dialog--column cd-agree"
      aria-modal="true"
      aria-label="Agreement"
      onCancel={onCancel}
      onKeyDown={onKeyDown}
    >
      <DialogHead title="Agreement" onClose={onClose} />
      <div className="cd-agree-bar">
        <div role="radiogroup" aria-label="Measure" className="cd-segmented">
          {MEASURES.map((m) => (
            <label key={m.key} className="cd-segment" title={m.hint}>
              <input type="radio" name="cd-agree-measure" checked={measure === m.key} onChange={() => setMeasure(m.key)} />
              <span>{m.name}</span>
            </label>
          ))}
        </div>
        {/* With two annotators there is nothing to choose: a pair needs both. */}
        {everyone && everyone.length > 2 && (
          <fieldset className="cd-agree-annotators">
            <legend className="cd-field-label">Annotators</legend>
            {everyone.map((name) => (
              <label key={name} className="cd-check">
                <input
                  type="checkbox"
                  checked={!left.has(name)}
                  disabled={!left.has(name) && compared.length <= 2}
                  onChange={(e) => toggle(name, e.target.checked)}
                />
                {name}
              </label>
            ))}
          </fieldset>
        )}
        <span className="cd-agree-state" role="status">
          {isLoading
            ? 'Computing…'
            : report
              ? `${formatQuantity(report.documents, 'document')} · ${formatQuantity(report.pairs.length, 'pair')}`
              : ''}
        </span>
      </div>
      {error && (
        <p className="cd-dialog-error cd-agree-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div className={isLoading ? 'cd-agree-body is-stale' : 'cd-agree-body'}>
          <div className="cd-agree-main">
            {report.pairs.length === 0 && (
              <p className="cd-agree-none">Agreement needs two annotators with layers in the same documents: none are compared yet.</p>
            )}
            <LabelTable rows={rows} labels={labels} measure={measure} />
            <RelationTable rows={rows} />
            <AttributeTable rows={rows} />
            {report.notes.length > 0 && (
              <section className="cd-agree-notes" aria-label="Notes">
                <h3 className="cd-agree-caption">Notes</h3>
                <ul>
                  {report.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <section className="cd-agree-side" aria-label="Documents">
            <h3 className="cd-agree-caption">Documents, least agreement first</h3>
            <AgreementDocuments
              documents={report.perDocument}
              measure={measure}
              onOpenInCuration={(docId) => {
                onClose();
                onOpenInCuration(docId);
              }}
            />
          </section>
        </div>
      )}
    </dialog>
  );
}

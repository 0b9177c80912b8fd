/**
 * The right-hand panel while no annotation is selected: the open document's status (changed
 * through the session, so it is saved and undoable), facts about it (source, dates, byline,
 * site, URL, length, import warnings), and below them whatever the app adds (`children`: the
 * document attributes panel).
 */
import type { ReactNode } from 'react';
import type { DocStatus, DocumentData } from '../../shared/model/types';
import { Fact } from './Fact';
import { countWords, formatDate, formatDateTime, formatQuantity } from '../util/format';
import { StatusPicker } from './StatusPicker';
import './DetailsPanel.css';

export type DetailsPanelProps = Readonly<{
  doc: DocumentData | null;
  onStatusChange: (status: DocStatus) => void;
  /** True in another annotator's layer (#11): the status is shown, not changeable. */
  isReadOnly?: boolean;
  /** Shown after the facts. */
  children?: ReactNode;
}>;

/** The last text counted and its count: the panel comes back after every annotation is deselected, and a long article takes milliseconds to count. */
let counted: { text: string; words: number } | null = null;
function wordsIn(text: string): number {
  if (counted?.text !== text) counted = { text, words: countWords(text) };
  return counted.words;
}

/** A merged value as it is shown: text as it is, anything else as JSON. */
const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Renders the details of `doc`, or a hint when none is open. */
export function DetailsPanel({ doc, onStatusChange, isReadOnly = false, children }: DetailsPanelProps) {
  const words = doc ? wordsIn(doc.text) : 0;
  return (
    <aside className="cd-details" aria-label="Document details">
      <h2 className="cd-panel-title">Details</h2>
      {doc === null ? (
        <p className="cd-muted cd-details-none">No document open.</p>
      ) : (
        <>
          <div className="cd-field">
            <span className="cd-field-label" aria-hidden="true">
              Status
            </span>
            <StatusPicker value={doc.status} onChange={onStatusChange} disabled={isReadOnly} />
          </div>
          {doc.conflicts && doc.conflicts.length > 0 && (
            <div className="cd-details-conflicts" role="note" aria-label="Changed on two machines">
              <strong>Changed on two machines:</strong>
              <ul>
                {doc.conflicts.map((c, i) => (
                  <li key={`${c.field}-${i}`}>
                    {c.field}: {shown(c.values[0])} here, {shown(c.values[1])} on the other
                  </li>
                ))}
              </ul>
              Choose the status (or an attribute) to settle {doc.conflicts.length === 1 ? 'it' : 'them'}.
            </div>
          )}
          <dl className="cd-facts">
            <Fact label="Source file">
              <span title={doc.meta.sourcePath}>{doc.meta.sourceName}</span>
            </Fact>
            <Fact label="Format">{doc.meta.format.toUpperCase()}</Fact>
            <Fact label="Imported">{formatDateTime(doc.meta.importedAt)}</Fact>
            {doc.meta.byline && <Fact label="Byline">{doc.meta.byline}</Fact>}
            {doc.meta.siteName && <Fact label="Site">{doc.meta.siteName}</Fact>}
            {doc.meta.publishedAt && <Fact label="Published">{formatDate(doc.meta.publishedAt)}</Fact>}
            {doc.meta.canonicalUrl && (
              <Fact label="Canonical URL">
                <span className="cd-url">{doc.meta.canonicalUrl}</span>
              </Fact>
            )}
            <Fact label="Length">
              {formatQuantity(doc.text.length, 'char')} · {formatQuantity(words, 'word')}
            </Fact>
            <Fact label="Blocks">{formatQuantity(doc.blocks.length, 'block')}</Fact>
            <Fact label="Annotations">{formatQuantity(doc.annotations.length, 'annotation')}</Fact>
          </dl>
          {doc.meta.warnings && doc.meta.warnings.length > 0 && (
            <section className="cd-warnings" aria-label="Import warnings">
              <h3 className="cd-field-label">Import warnings</h3>
              <ul>
                {doc.meta.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </section>
          )}
          {children}
        </>
      )}
    </aside>
  );
}

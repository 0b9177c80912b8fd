/**
 * The candidates panel of curation mode (#11), in the left column: the document and its
 * annotators, the legend, buttons for the candidate under the cursor (accept, reject, previous
 * and next undecided), and every candidate in text order, rival variants of one place side by
 * side. The list is one listbox the keyboard drives (arrows move, Tab / Shift+Tab go to the next
 * / previous undecided candidate, Enter or A accepts, X rejects); it takes focus when the panel
 * opens. Holds no state of its own: useCuration has it.
 */
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { UNDECIDED_STATES, type Candidate } from '../../shared/curation';
import type { Schema } from '../../shared/model/types';
import { excerpt } from '../editor/annotation-text';
import type { Curation } from '../hooks/use-curation';
import { CurationCandidate } from './CurationCandidate';
import { CurationLegend } from './CurationLegend';
import './CurationPanel.css';

export type CurationPanelProps = Readonly<{
  curation: Curation;
  title: string;
  schema: Schema;
}>;

/** Renders the panel. */
export function CurationPanel({ curation, title, schema }: CurationPanelProps) {
  const { candidates, groups, cursor, annotators } = curation;
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => new Map(candidates?.map((c, i) => [c.key, `${baseId}-c${i}`])), [candidates, baseId]);
  const quotes = useMemo(() => new Map(candidates?.map((c) => [c.key, c.quote])), [candidates]);
  const quoteOf = useMemo(() => (key: string) => quotes.get(key), [quotes]);
  const cursorId = cursor ? ids.get(cursor.key) : undefined;
  const undecided = candidates?.filter((c) => UNDECIDED_STATES.has(c.state)).length ?? 0;
  const isLoaded = candidates !== null;

  useEffect(() => {
    if (isLoaded) listRef.current?.focus({ preventScroll: true });
  }, [isLoaded]);

  useEffect(() => {
    if (cursorId) document.getElementById(cursorId)?.scrollIntoView({ block: 'nearest' });
  }, [cursorId]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    curation.onPanelKey(e.nativeEvent);
  };

  let body;
  if (curation.error) body = <p className="cd-curation-note cd-curation-note--error">{curation.error}</p>;
  else if (!candidates) body = <p className="cd-curation-note">Reading the annotators’ layers…</p>;
  else if (candidates.length === 0) body = <p className="cd-curation-note">No annotator has tagged anything in this document yet.</p>;
  else
    body = (
      <div
        ref={listRef}
        role="listbox"
        aria-label="Candidates"
        tabIndex={0}
        className="cd-curation-list"
        aria-activedescendant={cursorId}
        onKeyDown={onKeyDown}
      >
        {groups.map((group) =>
          group.length === 1 ? (
            option(group[0]!)
          ) : (
            <div
              key={group[0]!.key}
              role="group"
              aria-label={`${group.length} variants at “${excerpt(group[0]!.quote, 40)}”`}
              className="cd-candidate-group"
            >
              {group.map(option)}
            </div>
          ),
        )}
      </div>
    );

  function option(c: Candidate) {
    return (
      <CurationCandidate
        key={c.key}
        id={ids.get(c.key)!}
        candidate={c}
        schema={schema}
        isCurrent={c === cursor}
        quoteOf={quoteOf}
        onPick={curation.setCursor}
      />
    );
  }

  const isRejected = cursor?.state === 'rejected';
  return (
    <section className="cd-curation" aria-label="Curation">
      <header className="cd-curation-head">
        <div className="cd-curation-heading">
          <h2 className="cd-curation-title">Curation</h2>
          <p className="cd-curation-doc" title={title}>
            {title}
          </p>
          <p className="cd-curation-who">{annotators.length === 0 ? 'No annotator’s layer yet' : `Annotators: ${annotators.join(', ')}`}</p>
        </div>
        <button type="button" className="cd-button cd-button--small" onClick={curation.exit}>
          Exit curation
        </button>
      </header>
      {candidates && <CurationLegend candidates={candidates} />}
      <div className="cd-curation-actions" role="toolbar" aria-label="Current candidate">
        <button
          type="button"
          className="cd-button cd-button--small cd-button--primary"
          disabled={!cursor || cursor.state === 'accepted'}
          onClick={() => curation.accept()}
          title="Accept into the curated layer, with its attributes and links (A or Enter)"
        >
          Accept
        </button>
        <button
          type="button"
          className="cd-button cd-button--small"
          disabled={!cursor || cursor.state === 'accepted'}
          onClick={() => curation.toggleReject()}
          title="X"
        >
          {isRejected ? 'Undo reject' : 'Reject'}
        </button>
        <span className="cd-curation-spacer" />
        <button
          type="button"
          className="cd-button cd-button--small cd-button--quiet"
          aria-label="Previous undecided"
          onClick={() => curation.moveUndecided(-1)}
          title="Previous undecided candidate (Shift+Tab)"
        >
          ‹ Previous
        </button>
        <button
          type="button"
          className="cd-button cd-button--small cd-button--quiet"
          aria-label="Next undecided"
          onClick={() => curation.moveUndecided(1)}
          title="Next undecided candidate (Tab)"
        >
          Next ›
        </button>
      </div>
      <p className="cd-curation-progress" aria-live="polite">
        {candidates ? `${undecided} undecided of ${candidates.length} candidates` : ''}
      </p>
      {body}
    </section>
  );
}

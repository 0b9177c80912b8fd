/**
 * Curation mode for the open document (#11): the candidates of its annotators' layers against
 * its curated layer (shared/curation), the cursor (the candidate the curator is on), and the
 * curator's actions: accept (the candidate, its attributes and its links go into the curated
 * layer through its session, so the change shows at once, is saved, and Undo takes it back),
 * reject (kept in the curated layer, see use-curation-rejections), and moving between candidates. Also
 * the keys: Enter or A accepts, X rejects, Tab / Shift+Tab go to the next / previous undecided
 * candidate, in the candidates panel and in the article alike (in the article the other keys
 * keep their meaning; in link mode every key is link mode's).
 */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import { acceptOps, adjacentUndecided, curationCandidates, rivalGroups, UNDECIDED_STATES, type Candidate } from '../../shared/curation';
import { annotatorsOf } from '../../shared/model/layers';
import type { Operation } from '../../shared/model/operations';
import type { DocId, DocumentData, DocumentRow } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { SessionRegistry } from '../state/session-registry';
import { useCurationHighlight } from './use-curation-highlight';
import { useCurationLayers } from './use-curation-layers';
import { useCurationRejections } from './use-curation-rejections';
import { useCurationStart, type CurationStart, type CurationStartOptions } from './use-curation-start';
import { useLatest } from './use-latest';

export type Curation = CurationStart &
  Readonly<{
    /** The annotators whose layers are curated, in name order. */
    annotators: readonly string[];
    /** Every candidate in text order, or null while the layers load (or when not curating). */
    candidates: readonly Candidate[] | null;
    /** The candidates in groups of rivals, shown side by side. */
    groups: readonly (readonly Candidate[])[];
    /** The candidate under the cursor, or null. */
    cursor: Candidate | null;
    /** Why the candidates could not be listed, or null. */
    error: string | null;
    setCursor: (key: string) => void;
    /** Accepts the candidate (default: the one under the cursor). @returns whether it was added */
    accept: (key?: string) => boolean;
    /** Rejects the candidate, or takes its rejection back (default: the one under the cursor). */
    toggleReject: (key?: string) => void;
    /** Moves the cursor to the next (1) or previous (-1) undecided candidate. @returns false when there is none */
    moveUndecided: (direction: 1 | -1) => boolean;
    /** Moves the cursor to the next or previous candidate, or the first or last ('first' | 'last'). */
    moveBy: (to: 1 | -1 | 'first' | 'last') => void;
    /** A key pressed in the candidates panel. @returns true when handled */
    onPanelKey: (event: KeyboardEvent) => boolean;
    /** A key pressed in the article while curating: curation's keys, then `fallback`'s. */
    onArticleKey: (event: KeyboardEvent) => boolean;
  }>;

export type CurationOptions = CurationStartOptions &
  Readonly<{
    registry: SessionRegistry;
    /** Bumped by the window after SessionRegistry.drop. */
    generation: number;
    /** The open document's row (its layers), or null. */
    row: DocumentRow | null;
    /** The document shown: the curated layer while curating. */
    doc: DocumentData | null;
    /** The curator's name, stamped on what they accept. */
    author: string;
    /** Applies a change to the shown layer through its session (the annotator's apply). @returns whether it applied */
    apply: (change: readonly Operation[] | string | null) => boolean;
    editorRef: RefObject<DocumentEditorHandle | null>;
    /** True while a link is being made in the article (its keys are link mode's). */
    isLinking: boolean;
    /** The article's keys outside curation (the annotator's). */
    fallbackArticleKey: (event: KeyboardEvent) => boolean;
  }>;

const NO_CANDIDATES: readonly (readonly Candidate[])[] = [];

/** The panel's arrow keys: to the next or previous candidate, the first or the last. */
const PANEL_MOVES: Readonly<Partial<Record<string, 1 | -1 | 'first' | 'last'>>> = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' };

/** Curation mode: start, candidates, cursor, actions and keys. */
export function useCuration(options: CurationOptions): Curation {
  const start = useCurationStart(options);
  const { registry, generation, row, doc, viewer, openId } = options;
  const docId: DocId | null = start.isActive ? openId : null;
  const rowLayers = row?.id === docId ? row?.layers : undefined;
  const annotators = useMemo(() => (rowLayers ? annotatorsOf(rowLayers) : []), [rowLayers]);
  const loaded = useCurationLayers(registry, docId, annotators, viewer, generation);
  const curated = docId !== null && doc?.id === docId ? doc : null;
  const { rejected, rejectOps } = useCurationRejections(curated);

  const candidates = useMemo(
    () => (loaded.layers && curated ? curationCandidates(loaded.layers, curated, rejected) : null),
    [loaded.layers, curated, rejected],
  );
  const groups = useMemo(() => (candidates ? rivalGroups(candidates) : NO_CANDIDATES), [candidates]);

  const [cursorState, setCursorState] = useState<{ docId: DocId | null; key: string | null }>({ docId: null, key: null });
  const cursor = useMemo(() => {
    if (!candidates) return null;
    const key = cursorState.docId === docId ? cursorState.key : null;
    return candidates.find((c) => c.key === key) ?? candidates.find((c) => UNDECIDED_STATES.has(c.state)) ?? candidates[0] ?? null;
  }, [candidates, cursorState, docId]);

  useCurationHighlight(options.editorRef, curated?.blocks ?? null, cursor, cursor?.key ?? null);

  const latest = useLatest({ candidates, cursor, curated, rejected, options });
  const setCursor = useCallback((key: string) => setCursorState({ docId: latest.current.curated?.id ?? null, key }), [latest]);
  const find = useCallback(
    (key: string | undefined) => (key === undefined ? latest.current.cursor : (latest.current.candidates?.find((c) => c.key === key) ?? null)),
    [latest],
  );

  const accept = useCallback(
    (key?: string) => {
      const candidate = find(key);
      const { curated: target, options: o } = latest.current;
      if (!candidate || !target) return false;
      if (candidate.state === 'accepted') {
        o.onInfo('Accepted already. To take it back, use Undo, or delete it in the article.');
        return false;
      }
      const added = acceptOps(candidate, target, { author: o.author, now: new Date().toISOString(), newId: () => crypto.randomUUID() });
      // Accepting a rejected candidate takes the rejection back in the same change (one Undo).
      if (!o.apply([...added, ...rejectOps(target, candidate.key, false)])) return false;
      setCursor(candidate.key); // the cursor stays on it (rather than on the first undecided one)
      const links = added.length - 1;
      o.onInfo(`Accepted ${candidate.label} “${candidate.quote}”${links > 0 ? ` with ${links === 1 ? 'its link' : `${links} links`}` : ''}.`);
      return true;
    },
    [find, latest, setCursor, rejectOps],
  );

  const toggleReject = useCallback(
    (key?: string) => {
      const candidate = find(key);
      if (!candidate) return;
      if (candidate.state === 'accepted')
        return latest.current.options.onInfo('Accepted already. To take it out, use Undo, or delete it in the article.');
      const { curated: target, rejected: now, options: o } = latest.current;
      if (!target) return;
      setCursor(candidate.key);
      o.apply(rejectOps(target, candidate.key, !now.has(candidate.key)));
    },
    [find, latest, setCursor, rejectOps],
  );

  const moveUndecided = useCallback(
    (direction: 1 | -1) => {
      const { candidates: all, cursor: at } = latest.current;
      const next = all ? adjacentUndecided(all, at?.key ?? null, direction) : null;
      if (next) setCursor(next.key);
      return next !== null;
    },
    [latest, setCursor],
  );

  const moveBy = useCallback(
    (to: 1 | -1 | 'first' | 'last') => {
      const { candidates: all, cursor: at } = latest.current;
      if (!all || all.length === 0) return;
      const i = at ? all.indexOf(at) : -1;
      const next = to === 'first' ? 0 : to === 'last' ? all.length - 1 : Math.min(all.length - 1, Math.max(0, i + to));
      setCursor(all[next]!.key);
    },
    [latest, setCursor],
  );

  /** Curation's own keys. @returns true when handled */
  const curationKey = useCallback(
    (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
      const key = event.key;
      if (key === 'Tab') return moveUndecided(event.shiftKey ? -1 : 1);
      if (event.shiftKey) return false;
      if (key === 'Enter' || key === 'a') accept();
      else if (key === 'x') toggleReject();
      else return false;
      return true;
    },
    [accept, toggleReject, moveUndecided],
  );

  const onPanelKey = useCallback(
    (event: KeyboardEvent) => {
      let handled = curationKey(event);
      const move = Object.hasOwn(PANEL_MOVES, event.key) ? PANEL_MOVES[event.key] : undefined;
      if (!handled && move !== undefined && !event.ctrlKey && !event.metaKey && !event.altKey) {
        moveBy(move);
        handled = true;
      }
      if (handled) event.preventDefault();
      return handled;
    },
    [curationKey, moveBy],
  );

  const onArticleKey = useCallback(
    (event: KeyboardEvent) => {
      const o = latest.current.options;
      if (o.isLinking) return o.fallbackArticleKey(event);
      if (curationKey(event)) {
        event.preventDefault();
        return true;
      }
      // Past the last undecided candidate, Tab leaves the article (it does not fall back to moving between annotations).
      return event.key === 'Tab' ? false : o.fallbackArticleKey(event);
    },
    [curationKey, latest],
  );

  return {
    ...start,
    annotators,
    candidates: start.isActive ? candidates : null,
    groups,
    cursor,
    error: loaded.error,
    setCursor,
    accept,
    toggleReject,
    moveUndecided,
    moveBy,
    onPanelKey,
    onArticleKey,
  };
}

/**
 * The annotating flow for the open document: which annotation is selected, link mode, and
 * every action an analyst takes (tag the selection, select / move between / delete
 * annotations, link from either end, edit, undo and redo), each turned into operations by
 * shared/model/commands and applied through the document's session (so it shows at once, is
 * saved, and can be undone). A tag next to one it can be linked to offers the link (Enter takes
 * it). Also the meaning of keys pressed in the article and of clicks on highlights. No DOM here beyond the
 * key and mouse events it is handed; the article is reached through the editor handle.
 * In a read-only layer (another annotator's, #11) every change is refused with the session's
 * sentence, and a label key says so even without a selection.
 */
import { startTransition, useCallback, useMemo, useState, type RefObject } from 'react';
import { adjacentSpan } from '../../shared/anchoring/span-order';
import { snapToWords, wordAtCaret } from '../../shared/anchoring/snap';
import { addSpan, deleteSpan, link, type Stamp } from '../../shared/model/commands';
import { excerpt } from '../../shared/model/excerpt';
import {
  firstLinkable,
  linkCandidates,
  linkEnds,
  linkKindsFor,
  linkOfferAfterTag,
  otherEndLabels,
  type LinkKind,
  type LinkOffer,
} from '../../shared/model/link-kinds';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, DocumentData, Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { AnnotationUi, LinkMode } from '../editor/annotation-views';
import type { DocumentSession } from '../state/document-session';
import { useLatest } from './use-latest';
import { useUndoRedo } from './use-undo-redo';

export type Annotator = Readonly<{
  /** What the article draws differently: the selected annotation and link mode. */
  ui: AnnotationUi;
  /** The selected annotation (null when none, or when it no longer exists). */
  selected: Annotation | null;
  /** Relation types the selected annotation can take part in, at either end. */
  linkTypes: readonly string[];
  /** The link offered after the last tag (Enter takes it, any other key dismisses it), or null. */
  offer: LinkOffer | null;
  select: (id: string | null, scroll?: boolean) => void;
  /** Applies a change (operations), or shows why it could not be made (a reason). @returns whether it applied */
  apply: (change: readonly Operation[] | string | null) => boolean;
  /** Tags the article's selection, snapped to whole words unless `exact`; with only a caret put in the article, the word there. */
  tag: (label: string, exact: boolean) => void;
  /** Undoes / redoes the last change, saying in the status bar what it was. */
  undo: () => void;
  redo: () => void;
  deleteSelected: () => void;
  /** Starts link mode from the selected annotation. */
  startLink: () => void;
  /** Changes the kind of link being made (its type, and which end the origin is). */
  setLinkType: (kind: LinkKind) => void;
  /** Links the link-mode origin to `targetId`. */
  completeLink: (targetId: string) => void;
  cancelLink: () => void;
  /** Keys pressed in the article. @returns true when handled */
  onArticleKey: (event: KeyboardEvent) => boolean;
  /** A click on the article: the annotations under the pointer, innermost first. */
  onAnnotationClick: (stack: readonly string[]) => void;
}>;

export type AnnotatorOptions = Readonly<{
  session: DocumentSession | null;
  doc: DocumentData | null;
  schema: Schema | null;
  author: string;
  editorRef: RefObject<DocumentEditorHandle | null>;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}>;

type AnnotatorState = Readonly<{ session: DocumentSession | null; selectedId: string | null; linking: LinkMode | null; offer: LinkOffer | null }>;

/** A session of the same layer of the same document (read afresh after a schema edit): the selection carries over. */
const isSameLayer = (a: DocumentSession | null, b: DocumentSession | null) =>
  a !== null && b !== null && a.doc.id === b.doc.id && a.layer === b.layer;

/** Keys that move between annotations or start a link when no text is selected, even if a label uses them as its hotkey. */
const NAVIGATION_KEYS = new Set(['j', 'k', 'l', 'L']);

const stampFor = (author: string): Stamp => ({ author, now: new Date().toISOString(), newId: () => crypto.randomUUID() });

/** The annotating state and actions for one open document (reset when `session` changes). */
export function useAnnotator(options: AnnotatorOptions): Annotator {
  const { session, doc, schema } = options;
  const opts = useLatest(options);
  const [state, setState] = useState<AnnotatorState>({ session, selectedId: null, linking: null, offer: null });
  // A new document starts with nothing selected; the same one read afresh keeps its selection.
  const current =
    state.session === session
      ? state
      : { session, selectedId: isSameLayer(state.session, session) ? state.selectedId : null, linking: null, offer: null };
  if (current !== state) setState(current);

  // Linear finds, not an index: building one would cost as much on every change.
  const annotations = doc?.annotations;
  const find = useCallback((id: string | null) => (id === null ? undefined : annotations?.find((a) => a.id === id)), [annotations]);
  const selected = find(current.selectedId) ?? null;
  const linking = current.linking && find(current.linking.fromId) ? current.linking : null;
  const selectedId = selected?.id ?? null;
  const ui = useMemo<AnnotationUi>(() => ({ selectedId, linking }), [selectedId, linking]);
  const linkTypes = useMemo(
    () => (selected && schema ? [...new Set(linkKindsFor(schema, selected.label).map((k) => k.type))] : []),
    [selected, schema],
  );
  const offer = current.offer && find(current.offer.from.id) && find(current.offer.to.id) ? current.offer : null;

  const latest = useLatest({ ui, doc, schema, selected, offer, find });

  const select = useCallback(
    (id: string | null, scroll = false) => {
      setState((s) => ({ ...s, selectedId: id, linking: null, offer: null }));
      if (id !== null && scroll) opts.current.editorRef.current?.scrollToAnnotation(id);
    },
    [opts],
  );

  const apply = useCallback(
    (change: readonly Operation[] | string | null) => {
      const { session: target, onInfo, onError } = opts.current;
      if (change === null || !target) return false;
      if (target.readOnlyReason !== null) {
        onInfo(target.readOnlyReason);
        return false;
      }
      if (typeof change === 'string') {
        onInfo(change);
        return false;
      }
      try {
        target.apply(change);
        return true;
      } catch (err) {
        onError(`That change does not fit the document: ${err instanceof Error ? err.message : String(err)}`);
        return false;
      }
    },
    [opts],
  );

  const tag = useCallback(
    (label: string, exact: boolean) => {
      const { doc: d, schema: s } = latest.current;
      const { editorRef, author, onInfo, session: target } = opts.current;
      if (target?.readOnlyReason) return onInfo(target.readOnlyReason);
      const editor = editorRef.current;
      const sel = editor?.getSelection();
      if (!d || !s || !editor || !sel) return;
      let range: { start: number; end: number } | null;
      if (sel.end > sel.start) {
        range = exact ? { start: sel.start, end: sel.end } : snapToWords(d.text, sel.start, sel.end);
        if (!range) return onInfo('Nothing to tag: the selection holds only spaces and punctuation (hold Alt to tag it exactly).');
      } else {
        const caret = editor.getCaret();
        if (caret === null) return onInfo('Select some text (or click in a word) first, then press a label key or click a label above the article.');
        range = wordAtCaret(d.text, caret);
        if (!range) return onInfo('The caret is not in a word: click in a word or select some text, then tag it.');
      }
      const twin = d.annotations.find((a) => a.label === label && a.start === range.start && a.end === range.end);
      if (twin) {
        onInfo(`Already tagged as ${label}.`);
        select(twin.id);
        return;
      }
      const change = addSpan(d, s, label, range.start, range.end, stampFor(author));
      if (typeof change === 'string') return onInfo(change);
      // Cleared first, so drawing the new highlight does not have to keep a selection around it.
      editor.collapseSelection();
      const previous = latest.current.selected;
      if (!apply(change)) return;
      const added = change[0];
      if (added?.op !== 'addAnnotation') return;
      select(added.annotation.id);
      const next = previous && opts.current.session ? linkOfferAfterTag(opts.current.session.doc, s, previous, added.annotation) : null;
      if (next) setState((st) => ({ ...st, offer: next }));
    },
    [apply, latest, opts, select],
  );

  /** Takes the offered link: the change is made as if linked by hand, and said in the status bar. */
  const takeOffer = useCallback(() => {
    const { doc: d, schema: s, offer: o } = latest.current;
    setState((st) => ({ ...st, offer: null }));
    if (!d || !s || !o) return;
    if (!apply(link(d, s, o.from.id, o.to.id, stampFor(opts.current.author), o.type))) return;
    const others = o.types.length > 1 ? ` (the first of ${o.types.join(', ')}: change it in the details)` : '';
    opts.current.onInfo(`Linked: ${o.from.label} “${excerpt(o.from.quote, 24)}” → ${o.type} → ${o.to.label} “${excerpt(o.to.quote, 24)}”${others}`);
  }, [apply, latest, opts]);

  const { undo, redo } = useUndoRedo(session, options.onInfo, () => setState((st) => (st.offer ? { ...st, offer: null } : st)));

  const deleteSelected = useCallback(() => {
    const { doc: d, selected: sel } = latest.current;
    if (!d || !sel) return;
    if (apply(deleteSpan(d, sel.id))) select(null);
  }, [apply, latest, select]);

  const startLinkOfType = useCallback(
    (kind: LinkKind | undefined) => {
      const { doc: d, schema: s, selected: from } = latest.current;
      if (!d || !s || !from) return;
      const readOnly = opts.current.session?.readOnlyReason;
      if (readOnly) return opts.current.onInfo(readOnly);
      const kinds = kind ? [kind] : linkKindsFor(s, from.label);
      if (kinds.length === 0) return opts.current.onInfo(`No kind of link joins a ${from.label} in the schema.`);
      // Without a kind asked for: the first, in schema order, with something to link to (from a Source, its claims).
      const found = kind ? { kind, candidates: linkCandidates(d, s, from, kind) } : firstLinkable(d, s, from);
      if (!found || found.candidates.size === 0) {
        const labels = [...new Set(kinds.flatMap((k) => otherEndLabels(s, k)))];
        return opts.current.onInfo(`Nothing to link to: tag a ${labels.join(' or ')} first (or it is linked already).`);
      }
      const { candidates } = found;
      const near =
        adjacentSpan(d.annotations, from, 1, (a) => candidates.has(a.id)) ?? adjacentSpan(d.annotations, from, -1, (a) => candidates.has(a.id));
      const linking: LinkMode = { fromId: from.id, type: found.kind.type, reverse: found.kind.reverse, candidates, activeId: near?.id ?? null };
      setState((st) => ({ ...st, linking, offer: null }));
      if (near) opts.current.editorRef.current?.scrollToAnnotation(near.id);
    },
    [latest, opts],
  );

  const startLink = useCallback(() => startLinkOfType(undefined), [startLinkOfType]);
  const setLinkType = useCallback((kind: LinkKind) => startLinkOfType(kind), [startLinkOfType]);
  const cancelLink = useCallback(() => setState((s) => ({ ...s, linking: null })), []);

  const completeLink = useCallback(
    (targetId: string) => {
      const { doc: d, schema: s, ui: u } = latest.current;
      const mode = u.linking;
      if (!d || !s || !mode) return;
      // Stored in the schema's direction, whichever end the analyst started from.
      const ends = linkEnds(mode, mode.fromId, targetId);
      const change = link(d, s, ends.from, ends.to, stampFor(opts.current.author), mode.type);
      const other = latest.current.find(targetId);
      if (apply(change))
        opts.current.onInfo(`Linked: ${mode.type} ${mode.reverse ? '←' : '→'} ${other?.label ?? ''} “${excerpt(other?.quote ?? '', 32)}”`);
      setState((st) => ({ ...st, selectedId: mode.fromId, linking: null }));
    },
    [apply, latest, opts],
  );

  const moveActiveCandidate = useCallback(
    (direction: 1 | -1) => {
      const { doc: d, ui: u, find: lookup } = latest.current;
      const mode = u.linking;
      if (!d || !mode) return;
      const from = lookup(mode.activeId) ?? lookup(mode.fromId);
      if (!from) return;
      const include = (a: Annotation) => mode.candidates.has(a.id);
      // Wraps around: link mode is a small ring of candidates.
      const next =
        adjacentSpan(d.annotations, from, direction, include) ??
        adjacentSpan(d.annotations, direction === 1 ? -1 : Number.POSITIVE_INFINITY, direction, include);
      if (!next) return;
      setState((st) => (st.linking ? { ...st, linking: { ...st.linking, activeId: next.id } } : st));
      opts.current.editorRef.current?.scrollToAnnotation(next.id);
    },
    [latest, opts],
  );

  /** Moves the selection to the next / previous annotation. @returns false at either end */
  const moveSelection = useCallback(
    (direction: 1 | -1) => {
      const { doc: d, selected: sel } = latest.current;
      if (!d) return false;
      const caret = opts.current.editorRef.current?.getSelection()?.start ?? 0;
      const next = adjacentSpan(d.annotations, sel ?? caret, direction);
      if (!next) return false;
      select(next.id, true);
      return true;
    },
    [latest, opts, select],
  );

  const onArticleKey = useCallback(
    (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.metaKey) return false;
      const { ui: u, schema: s, selected: sel, offer: o } = latest.current;
      const key = event.key;
      const back = event.shiftKey;
      // A key in the article re-renders the panels as a transition: the article redraws what
      // the key changes in the same event, and the panels follow right after without delaying it.
      const handled = (action: () => void) => {
        event.preventDefault();
        startTransition(action);
        return true;
      };
      if (u.linking) {
        const mode = u.linking;
        if (key === 'Escape') return handled(cancelLink);
        if (key === 'Tab') return handled(() => moveActiveCandidate(back ? -1 : 1));
        if (key === 'j' || key === 'k') return handled(() => moveActiveCandidate(key === 'j' ? 1 : -1));
        if (key === 'Enter' && mode.activeId !== null) return handled(() => completeLink(mode.activeId!));
        return false;
      }
      if (o) {
        // The offered link: Enter takes it, Esc dismisses it, any other key dismisses it and does what it does.
        if (key === 'Enter' && !back && !event.altKey) return handled(takeOffer);
        if (!['Shift', 'Alt', 'Control', 'Meta'].includes(key)) setState((st) => ({ ...st, offer: null }));
        if (key === 'Escape') return handled(() => undefined);
      }
      const label = s?.labels.find((l) => l.hotkey !== '' && matchesHotkey(event, l.hotkey));
      const readOnly = opts.current.session?.readOnlyReason;
      if (label && !back && readOnly) return handled(() => opts.current.onInfo(readOnly));
      if (label && !back) {
        // A label key tags the selection; without one, the word at the caret, unless the key also moves or links (j, k, l).
        const text = opts.current.editorRef.current?.getSelection();
        if ((text && text.end > text.start) || !NAVIGATION_KEYS.has(key)) return handled(() => tag(label.name, event.altKey));
      }
      if (event.altKey) return false;
      if (key === 'Tab') {
        if (!moveSelection(back ? -1 : 1)) return false; // past either end, Tab leaves the article
        event.preventDefault();
        return true;
      }
      if (key === 'j' || key === 'k') return handled(() => moveSelection(key === 'j' ? 1 : -1));
      if ((key === 'Delete' || key === 'Backspace') && sel) return handled(deleteSelected);
      if ((key === 'l' || key === 'L') && sel) return handled(startLink);
      if (key === 'Escape') {
        const text = opts.current.editorRef.current?.getSelection();
        if (text && text.end > text.start) return handled(() => opts.current.editorRef.current?.collapseSelection());
        if (sel) return handled(() => select(null));
      }
      return false;
    },
    [cancelLink, completeLink, deleteSelected, latest, moveActiveCandidate, moveSelection, opts, select, startLink, tag, takeOffer],
  );

  const onAnnotationClick = useCallback(
    (stack: readonly string[]) => {
      const { ui: u } = latest.current;
      if (u.linking) {
        const target = stack.find((id) => u.linking?.candidates.has(id));
        if (target) completeLink(target);
        return;
      }
      setState((st) => (st.offer ? { ...st, offer: null } : st));
      if (stack.length === 0) return select(null);
      // Clicking the selected annotation again selects the one enclosing it, so every layer of a stack is reachable.
      const at = u.selectedId === null ? -1 : stack.indexOf(u.selectedId);
      select(stack[(at + 1) % stack.length] ?? null);
    },
    [completeLink, latest, select],
  );

  return {
    ui,
    selected,
    linkTypes,
    offer,
    select,
    apply,
    tag,
    undo,
    redo,
    deleteSelected,
    startLink,
    setLinkType,
    completeLink,
    cancelLink,
    onArticleKey,
    onAnnotationClick,
  };
}

/** True when the key event is the label hotkey `hotkey` (by key, or by physical key so Alt+digit works on every layout). */
function matchesHotkey(event: KeyboardEvent, hotkey: string): boolean {
  if (event.key.toLowerCase() === hotkey.toLowerCase()) return true;
  return /^[0-9]$/.test(hotkey) ? event.code === `Digit${hotkey}` : /^[a-z]$/i.test(hotkey) && event.code === `Key${hotkey.toUpperCase()}`;
}

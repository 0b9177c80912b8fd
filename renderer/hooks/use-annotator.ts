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
import { addSpan, deleteSpan, type Stamp } from '../../shared/model/commands';
import { linkKindsFor, linkOfferAfterTag, type LinkKind, type LinkOffer } from '../../shared/model/link-kinds';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, DocumentData, Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { AnnotationUi, LinkMode } from '../editor/annotation-views';
import type { DocumentSession } from '../state/document-session';
import { useLatest } from './use-latest';
import { useLinkMode } from './use-link-mode';
import { useUndoRedo } from './use-undo-redo';
import { matchesHotkey, MODIFIER_KEYS, NAVIGATION_KEYS } from './use-hotkeys';

export type Annotator = Readonly<{
  /** What the article draws differently: the selected annotation and link mode. */
  ui: AnnotationUi;
  /** The selected annotation (null when none, or when it no longer exists). */
  selected: Annotation | null;
  /** Relation types the selected annotation can take part in, at either end. */
  linkTypes: readonly string[];
  /** The link offered after the last tag (Enter takes it, any other key dismisses it), or null. */
  offer: LinkOffer | null;
  /** Dismisses the offered link: for keys taken before the article sees them (the attribute keys). */
  dismissOffer: () => void;
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
  /** True while `session` is the old copy kept on screen as its layer is read afresh (after a schema edit): changes wait for the new one. */
  isReloading?: boolean;
}>;

/** `lastTaggedId`: the annotation tagged last in this document, so a tag after a mouse selection (which clears the selected annotation) can still offer the link. */
type AnnotatorState = Readonly<{
  session: DocumentSession | null;
  selectedId: string | null;
  lastTaggedId: string | null;
  linking: LinkMode | null;
  offer: LinkOffer | null;
}>;

/** A session of the same layer of the same document (read afresh after a schema edit): the selection carries over. */
const isSameLayer = (a: DocumentSession | null, b: DocumentSession | null) =>
  a !== null && b !== null && a.doc.id === b.doc.id && a.layer === b.layer;

/** What a hand-made or accepted annotation is stamped with: its author, the time, fresh ids. */
export const stampFor = (author: string): Stamp => ({ author, now: new Date().toISOString(), newId: () => crypto.randomUUID() });

/** The annotating state and actions for one open document (reset when `session` changes). */
export function useAnnotator(options: AnnotatorOptions): Annotator {
  const { session, doc, schema } = options;
  const opts = useLatest(options);
  const [state, setState] = useState<AnnotatorState>({ session, selectedId: null, lastTaggedId: null, linking: null, offer: null });
  // A new document starts with nothing selected; the same one read afresh keeps its selection.
  const current =
    state.session === session
      ? state
      : (() => {
          const same = isSameLayer(state.session, session);
          return { session, selectedId: same ? state.selectedId : null, lastTaggedId: same ? state.lastTaggedId : null, linking: null, offer: null };
        })();
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

  const lastTagged = find(current.lastTaggedId) ?? null;
  const latest = useLatest({ ui, doc, schema, selected, lastTagged, offer, find });

  const select = useCallback(
    (id: string | null, scroll = false) => {
      setState((s) => ({ ...s, selectedId: id, linking: null, offer: null }));
      if (id !== null && scroll) opts.current.editorRef.current?.scrollToAnnotation(id);
    },
    [opts],
  );

  const apply = useCallback(
    (change: readonly Operation[] | string | null) => {
      const { session: target, onInfo, onError, isReloading } = opts.current;
      if (change === null || !target) return false;
      if (isReloading) {
        onInfo('The article is being read afresh after the schema change: try again in a moment.');
        return false;
      }
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
      const previous = latest.current.selected ?? latest.current.lastTagged;
      if (!apply(change)) return;
      const added = change[0];
      if (added?.op !== 'addAnnotation') return;
      select(added.annotation.id);
      setState((st) => ({ ...st, lastTaggedId: added.annotation.id }));
      const next = previous && opts.current.session ? linkOfferAfterTag(opts.current.session.doc, s, previous, added.annotation) : null;
      if (next) setState((st) => ({ ...st, offer: next }));
    },
    [apply, latest, opts, select],
  );

  const dismissOffer = useCallback(() => setState((st) => (st.offer ? { ...st, offer: null } : st)), []);
  const { undo, redo } = useUndoRedo(session, options.onInfo, dismissOffer);

  const deleteSelected = useCallback(() => {
    const { doc: d, selected: sel } = latest.current;
    if (!d || !sel) return;
    if (apply(deleteSpan(d, sel.id))) select(null);
  }, [apply, latest, select]);

  const { startLink, setLinkType, cancelLink, completeLink, moveActiveCandidate, takeOffer } = useLinkMode({
    latest,
    opts,
    apply,
    setState,
    stamp: stampFor,
  });

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
        if (!MODIFIER_KEYS.has(key)) dismissOffer();
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
    [cancelLink, completeLink, deleteSelected, dismissOffer, latest, moveActiveCandidate, moveSelection, opts, select, startLink, tag, takeOffer],
  );

  const onAnnotationClick = useCallback(
    (stack: readonly string[]) => {
      const { ui: u } = latest.current;
      if (u.linking) {
        const target = stack.find((id) => u.linking?.candidates.has(id));
        if (target) completeLink(target);
        return;
      }
      dismissOffer();
      if (stack.length === 0) return select(null);
      // Clicking the selected annotation again selects the one enclosing it, so every layer of a stack is reachable.
      const at = u.selectedId === null ? -1 : stack.indexOf(u.selectedId);
      select(stack[(at + 1) % stack.length] ?? null);
    },
    [completeLink, dismissOffer, latest, select],
  );

  return {
    ui,
    selected,
    linkTypes,
    offer,
    dismissOffer,
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

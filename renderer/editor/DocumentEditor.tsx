/**
 * The article view: the only owner of a ProseMirror EditorView. The view is created in a
 * layout effect on a ref'd <div> once per article (the text never changes) and destroyed in
 * the cleanup; React never renders inside it. A new session of the same article (its layer read
 * afresh after a schema edit) is drawn into the same view, which keeps its scroll position and
 * selection (#12). Annotations are drawn by the
 * annotation plugin and kept current incrementally: each change from the session re-draws
 * only the annotations it touched, and each change of the selected annotation or link mode
 * only the highlights whose look it alters. A long article is shown progressively (see
 * progressive.ts): the first screen at once, the rest in short chunks. The text is read-only
 * but selectable with the mouse and the keyboard; selection changes, clicks and hovers on highlights and key presses
 * are reported to the owner, which decides what they mean. Other components act through the
 * ref handle.
 */
import { TextSelection, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { DocumentData, Schema } from '../../shared/model/types';
import type { DocumentSession } from '../state/document-session';
import { changeAnnotations, drawAnnotations, labelStyles, resetAnnotations } from './annotation-plugin';
import { articleAttributes, articleState } from './article-state';
import { touchedByOps, touchedByUi, viewsFor, viewsInSections, type AnnotationUi } from './annotation-views';
import { showRestProgressively, showSelected, shownSections, type ShowHook } from './progressive';
import { isTypingTarget } from '../hooks/use-hotkeys';
import {
  collapseSelection,
  currentRange,
  handleSelectionKey,
  selectionSnapshot,
  selectOffsets,
  setTextSelection,
  type TextSelectionSnapshot,
} from './text-selection';
import { caretOffset, elementsOf, highlightAt, reveal } from './view-dom';
import { NO_SUGGESTIONS, showSuggestionsGradually, type SuggestionLayer } from './suggestion-plugin';
import { rangeOf, revealRange } from './text-range';
import { afterNextPaint } from '../util/next-task';
import './DocumentEditor.css';

export type { TextSelectionSnapshot } from './text-selection';

/** How far from the pane's edges a range brought into view must be (a fraction of its height): room for its tag and links. */
const REVEAL_MARGIN = 0.2;

/** A highlight under the pointer: the annotation and the box of the element hovered (viewport coordinates). */
export type AnnotationHover = Readonly<{ id: string; rect: DOMRect }>;

/** What other components may do with the article; methods are no-ops before the view exists. */
export type DocumentEditorHandle = Readonly<{
  /** Moves keyboard focus to the article text. */
  focus(): void;
  /** The selection shown on screen (read from the DOM when it is in the article), or null before the view exists. */
  getSelection(): TextSelectionSnapshot | null;
  /** The text offset of a caret the analyst put in the article (a collapsed DOM selection there), or null when there is none. */
  getCaret(): number | null;
  /** Selects text offsets [start, end) and scrolls them into view. @throws RangeError on bad offsets */
  selectRange(start: number, end: number): void;
  /** Collapses a non-empty text selection. */
  collapseSelection(): void;
  /** Runs a ProseMirror command against the view. @returns whether it applied */
  run(command: Command): boolean;
  /** The viewport boxes of an annotation's highlight elements, in document order (empty when not drawn). */
  rectsOf(id: string): DOMRect[];
  /** Scrolls an annotation's first highlight element into view: just enough (default), or to the middle of the pane. */
  scrollToAnnotation(id: string, block?: 'nearest' | 'center'): void;
  /** The viewport boxes of the text at offsets [start, end) (a suggestion's, #15), its part of the article shown first. */
  rectsOfRange(start: number, end: number): DOMRect[];
  /** Selects text offsets [start, end) and scrolls them well into view (a third of the way down unless a quarter away from the pane's edges). */
  selectAndReveal(start: number, end: number): void;
}>;

export type DocumentEditorProps = Readonly<{
  session: DocumentSession;
  schema: Schema;
  /** The selected annotation and link mode, which change how highlights look. */
  ui: AnnotationUi;
  /** Called after every selection change, and once with the initial (collapsed) selection, after the article is first painted. */
  onSelectionChange?: (selection: TextSelectionSnapshot) => void;
  /** Offered every key press in the article first. @returns true when handled */
  onKeyDown?: (event: KeyboardEvent) => boolean;
  /** A click that selected no text: the annotations under the pointer, innermost first ([] on plain text). */
  onAnnotationClick?: (stack: readonly string[], event: MouseEvent) => void;
  /** The highlight under the pointer changed (null: none). */
  onHover?: (hover: AnnotationHover | null) => void;
  /** The suggestions drawn as ghost highlights (#15); none when absent. */
  suggestions?: SuggestionLayer;
  /** Extra classes for the host element (e.g. link mode). */
  className?: string;
  ref?: Ref<DocumentEditorHandle>;
}>;

/** Shows the session's document as a read-only, selectable, annotated article. */
export function DocumentEditor(props: DocumentEditorProps) {
  const { session, schema, ui, className, ref } = props;
  const article = useArticle(session.doc);
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef(props);
  // What the plugin currently shows; session changes are drawn with these.
  const drawn = useRef({ ui, schema, session });
  useLayoutEffect(() => {
    latest.current = props;
  });

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const source = article;
    const shown = latest.current.session;
    let hovered: string | null = null;
    const hover = (next: AnnotationHover | null) => {
      if ((next?.id ?? null) === hovered) return;
      hovered = next?.id ?? null;
      latest.current.onHover?.(next);
    };
    drawn.current = { ...drawn.current, session: shown };
    // A part of the article shown later gets its highlights in the same transaction, drawn from the document as it is then.
    const onShow: ShowHook = (tr, sections) => {
      const { ui: shownUi, schema: shownSchema, session: current } = drawn.current;
      drawAnnotations(tr, viewsInSections(current.doc, shownSchema, shownUi, sections));
    };
    const { ui: firstUi, schema: firstSchema } = drawn.current;
    const suggestionLayer = latest.current.suggestions ?? NO_SUGGESTIONS;
    const view: EditorView = new EditorView(host, {
      state: articleState({ article: source, doc: shown.doc, schema: firstSchema, ui: firstUi, suggestions: suggestionLayer, onShow }),
      editable: () => false,
      attributes: articleAttributes(source.title),
      dispatchTransaction(tr) {
        const before = view.state;
        view.updateState(before.apply(showSelected(before, tr)));
        if (!view.state.selection.eq(before.selection)) latest.current.onSelectionChange?.(selectionSnapshot(source, view, true));
      },
      handleDOMEvents: {
        keydown: (v, event) => latest.current.onKeyDown?.(event) === true || handleSelectionKey(v, source, event),
        mouseover: (v, event) => {
          const el = highlightAt(v, event.target);
          hover(el ? { id: el.dataset.annotationId ?? '', rect: el.getBoundingClientRect() } : null);
          return false;
        },
        mouseleave: () => {
          hover(null);
          return false;
        },
      },
      handleClick: (v, pos, event) => {
        if (v.dom.ownerDocument.getSelection()?.isCollapsed === false) return false;
        // Take the caret from the click now: what the click selects re-draws highlights, and a
        // re-draw puts ProseMirror's selection back into the DOM before it has read the new one.
        const { state } = v;
        if (!state.selection.empty || state.selection.head !== pos) v.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
        const stack: string[] = [];
        for (let el = highlightAt(v, event.target); el; el = highlightAt(v, el.parentElement)) {
          const id = el.dataset.annotationId;
          if (id && !stack.includes(id)) stack.push(id);
        }
        latest.current.onAnnotationClick?.(stack, event);
        return false;
      },
    });
    viewRef.current = view;
    // The initial (collapsed) selection is told once the article is painted: the owner's re-render for it never holds back the article's first frame (#14).
    const cancelInitial = afterNextPaint(() => latest.current.onSelectionChange?.(selectionSnapshot(source, view, false)));
    const stopShowing = showRestProgressively(view);
    return () => {
      cancelInitial();
      stopShowing();
      viewRef.current = null;
      view.destroy();
    };
  }, [article]);

  // The session's changes, drawn as they come; a new session of the article on screen is drawn whole.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    if (drawn.current.session !== session) {
      drawn.current = { ...drawn.current, session };
      resetAnnotations(viewsInSections(session.doc, drawn.current.schema, drawn.current.ui, shownSections(view.state)))(view.state, view.dispatch);
    }
    return session.subscribe(({ doc, ops }) => {
      const { ui: shownUi, schema: shownSchema } = drawn.current;
      changeAnnotations(viewsFor(doc, shownSchema, shownUi, touchedByOps(doc, ops)))(view.state, view.dispatch);
    });
  }, [article, session]);

  // A text selection taken off screen by a dialog (the schema editor's fields take the page's
  // selection) is put back when focus comes back out of it, unless something else was selected meanwhile.
  useLayoutEffect(() => {
    const page = hostRef.current?.ownerDocument;
    if (!page) return;
    const onFocusIn = (event: FocusEvent) => {
      const view = viewRef.current;
      if (!view || view.state.selection.empty || isTypingTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"]')) return;
      const sel = page.getSelection();
      if (sel && sel.rangeCount > 0 && (!sel.isCollapsed || view.dom.contains(sel.anchorNode))) return;
      const { anchor, head } = view.state.selection;
      setTextSelection(view, anchor, head, false);
    };
    page.addEventListener('focusin', onFocusIn);
    return () => page.removeEventListener('focusin', onFocusIn);
  }, []);

  // Selection and link mode: re-draw only the highlights whose look changes.
  useLayoutEffect(() => {
    const view = viewRef.current;
    const before = drawn.current;
    if (!view || before.ui === ui) return;
    const ids = touchedByUi(session.doc, before.ui, ui);
    drawn.current = { ...before, ui };
    if (ids.size > 0) changeAnnotations(viewsFor(session.doc, before.schema, ui, ids))(view.state, view.dispatch);
  }, [session, ui]);

  // Suggestions (#15): the plugin re-draws only those that changed (thousands new: in chunks).
  const suggestions = props.suggestions ?? NO_SUGGESTIONS;
  useLayoutEffect(() => {
    const view = viewRef.current;
    return view ? showSuggestionsGradually(view, suggestions) : undefined;
  }, [article, suggestions]);

  // A new schema can change every colour: the one whole rebuild.
  useLayoutEffect(() => {
    const view = viewRef.current;
    const before = drawn.current;
    if (!view || before.schema === schema) return;
    drawn.current = { ...before, schema };
    resetAnnotations(viewsInSections(session.doc, schema, before.ui, shownSections(view.state)))(view.state, view.dispatch);
  }, [session, schema]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => viewRef.current?.dom.focus({ preventScroll: true }),
      getSelection: () => (viewRef.current ? selectionSnapshot(session.doc, viewRef.current, false, currentRange(viewRef.current)) : null),
      getCaret: () => (viewRef.current ? caretOffset(viewRef.current, session.doc) : null),
      selectRange(start, end) {
        if (viewRef.current) selectOffsets(viewRef.current, session.doc, start, end);
      },
      collapseSelection() {
        if (viewRef.current) collapseSelection(viewRef.current);
      },
      run: (command) => {
        const view = viewRef.current;
        return view ? command(view.state, view.dispatch, view) : false;
      },
      rectsOf: (id) => elementsOf(viewRef.current, session.doc, id).flatMap((el) => [...el.getClientRects()]),
      scrollToAnnotation(id, block = 'nearest') {
        const el = elementsOf(viewRef.current, session.doc, id)[0];
        if (el) reveal(el, block);
      },
      rectsOfRange(start, end) {
        const range = viewRef.current && rangeOf(viewRef.current, session.doc.blocks, start, end);
        return range ? [...range.getClientRects()] : [];
      },
      selectAndReveal(start, end) {
        const view = viewRef.current;
        if (!view) return;
        selectOffsets(view, session.doc, start, end);
        const range = rangeOf(view, session.doc.blocks, start, end);
        if (range) revealRange(view.dom, range, REVEAL_MARGIN);
      },
    }),
    [session],
  );

  const styles = useMemo(() => labelStyles('.cd-editor-host', schema.labels), [schema]);
  return (
    <>
      <style>{styles}</style>
      <div ref={hostRef} className={className ? `cd-editor-host ${className}` : 'cd-editor-host'} />
    </>
  );
}

/** Two documents with the same article (id, text and blocks): one view can show either. */
function isSameArticle(a: DocumentData, b: DocumentData): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.text !== b.text || a.blocks.length !== b.blocks.length) return false;
  return a.blocks.every((block, i) => JSON.stringify(block) === JSON.stringify(b.blocks[i]));
}

/** The article of `doc`: the same object for as long as the article stays the same, whatever its annotations. */
function useArticle(doc: DocumentData): DocumentData {
  const [article, setArticle] = useState(doc);
  const same = isSameArticle(article, doc);
  if (!same) setArticle(doc);
  return same ? article : doc;
}

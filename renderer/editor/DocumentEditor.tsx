/**
 * The article view: the only owner of a ProseMirror EditorView. The view is created in a
 * layout effect on a ref'd <div> for each document and destroyed in the cleanup; React
 * never renders inside it. The view is read-only but its text is selectable with the mouse
 * and the keyboard (Shift+arrows, Shift+Home/End, Ctrl/Cmd+A once it has focus), and every
 * selection change is reported in text offsets. Other components act through the ref handle.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { offsetFromPmPos, pmPosFromOffset } from '../../shared/anchoring/pm-offsets';
import type { DocumentData } from '../../shared/model/types';
import { articleHeaderPlugin, headerFor } from './article-header';
import { buildDoc } from './build-doc';

/** A selection in text offsets (UTF-16, end exclusive); `start === end` when collapsed. */
export type TextSelectionSnapshot = Readonly<{ start: number; end: number; text: string }>;

/** What other components may do with the article; methods are no-ops before the view exists. */
export type DocumentEditorHandle = Readonly<{
  /** Moves keyboard focus to the article text. */
  focus(): void;
  /** The current selection, or null before the view exists. */
  getSelection(): TextSelectionSnapshot | null;
  /** Selects text offsets [start, end) and scrolls them into view. @throws RangeError on bad offsets */
  selectRange(start: number, end: number): void;
  /** Runs a ProseMirror command against the view. @returns whether it applied */
  run(command: Command): boolean;
}>;

export type DocumentEditorProps = Readonly<{
  doc: DocumentData;
  /** Called after every selection change, and once with the initial (collapsed) selection. */
  onSelectionChange?: (selection: TextSelectionSnapshot) => void;
  ref?: Ref<DocumentEditorHandle>;
}>;

/** Shows `doc` as a read-only, selectable article. */
export function DocumentEditor({ doc, onSelectionChange, ref }: DocumentEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onSelectionRef = useRef(onSelectionChange);
  useLayoutEffect(() => {
    onSelectionRef.current = onSelectionChange;
  });

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const pmDoc = buildDoc(doc);
    const snapshot = (state: EditorState) => selectionSnapshot(doc, state);
    const view: EditorView = new EditorView(host, {
      state: EditorState.create({ doc: pmDoc, plugins: [articleHeaderPlugin(pmDoc, headerFor(doc))] }),
      editable: () => false,
      attributes: {
        role: 'article',
        'aria-label': doc.title,
        tabindex: '0',
        class: 'cd-article-text',
        spellcheck: 'false',
      },
      dispatchTransaction(tr) {
        const before = view.state;
        view.updateState(before.apply(tr));
        if (!view.state.selection.eq(before.selection)) onSelectionRef.current?.(snapshot(view.state));
      },
      handleDOMEvents: { keydown: (v, event) => handleReadOnlyKey(v, event) },
    });
    viewRef.current = view;
    onSelectionRef.current?.(snapshot(view.state));
    return () => {
      viewRef.current = null;
      view.destroy();
    };
  }, [doc]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => viewRef.current?.dom.focus({ preventScroll: true }),
      getSelection: () => (viewRef.current ? selectionSnapshot(doc, viewRef.current.state) : null),
      selectRange(start, end) {
        const view = viewRef.current;
        if (!view) return;
        if (start > end || end > doc.text.length) throw new RangeError(`[${start}, ${end}) is not a range in the text`);
        setTextSelection(view, pmPosFromOffset(doc.blocks, start, 1), pmPosFromOffset(doc.blocks, end, -1), true);
      },
      run: (command) => {
        const view = viewRef.current;
        return view ? command(view.state, view.dispatch, view) : false;
      },
    }),
    [doc],
  );

  return <div ref={hostRef} className="cd-editor-host" />;
}

function selectionSnapshot(doc: DocumentData, state: EditorState): TextSelectionSnapshot {
  const { from, to } = state.selection;
  const start = offsetFromPmPos(doc.blocks, from, 1);
  const end = Math.max(start, offsetFromPmPos(doc.blocks, to, -1));
  return { start, end, text: doc.text.slice(start, end) };
}

/** First and last positions inside text content (the doc always has at least one textblock). */
function contentBounds(doc: PmNode): [number, number] {
  return [1, doc.content.size - 1];
}

/**
 * Selects PM positions anchor..head in the state and in the DOM. A read-only view only
 * draws its selection into the DOM when the DOM selection is already inside it, so the DOM
 * selection is set here too; ProseMirror then reads back the same range.
 */
function setTextSelection(view: EditorView, anchor: number, head: number, scroll: boolean): void {
  const tr = view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head));
  view.dispatch(scroll ? tr.scrollIntoView() : tr);
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel) return;
  const a = view.domAtPos(anchor);
  const h = view.domAtPos(head);
  sel.setBaseAndExtent(a.node, a.offset, h.node, h.offset);
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

type Alter = Readonly<{ direction: 'left' | 'right' | 'forward' | 'backward'; granularity: string }>;

/**
 * Keyboard selection in a read-only view, where browsers do no caret navigation: extends
 * the DOM selection (ProseMirror reads it back on `selectionchange`) and keeps it inside the
 * article. Plain arrows are left alone so they scroll the reading pane.
 * @returns true when the key was handled
 */
function handleReadOnlyKey(view: EditorView, event: KeyboardEvent): boolean {
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  const [first, last] = contentBounds(view.state.doc);
  if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
    event.preventDefault();
    setTextSelection(view, first, last, false);
    return true;
  }
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel) return false;
  if (event.key === 'Escape' && !sel.isCollapsed && sel.focusNode) {
    sel.collapse(sel.focusNode, sel.focusOffset);
    return true;
  }
  if (!event.shiftKey) return false;
  const alter = alterFor(event, mod);
  if (!alter) return false;
  event.preventDefault();
  if (!insideView(view, sel.anchorNode) || !insideView(view, sel.focusNode)) {
    // No selection in the article yet (focus came by Tab): start from ProseMirror's own.
    const { node, offset } = view.domAtPos(view.state.selection.head);
    sel.collapse(node, offset);
  }
  if (alter.granularity === 'documentboundary') {
    const { node, offset } = view.domAtPos(alter.direction === 'forward' ? last : first);
    sel.extend(node, offset);
    return true;
  }
  sel.modify('extend', alter.direction, alter.granularity);
  if (!insideView(view, sel.focusNode)) {
    // Walked off the article: stop at its edge.
    const after = sel.focusNode !== null && (view.dom.compareDocumentPosition(sel.focusNode) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const { node, offset } = view.domAtPos(after ? last : first);
    sel.extend(node, offset);
  }
  return true;
}

function alterFor(event: KeyboardEvent, mod: boolean): Alter | null {
  const word = IS_MAC ? event.altKey : event.ctrlKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'left', granularity: word ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'right', granularity: word ? 'word' : 'character' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: mod ? 'documentboundary' : 'line' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: mod ? 'documentboundary' : 'line' };
    case 'Home':
      return { direction: 'backward', granularity: mod ? 'documentboundary' : 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: mod ? 'documentboundary' : 'lineboundary' };
    default:
      return null;
  }
}

function insideView(view: EditorView, node: Node | null): boolean {
  return node !== null && view.dom.contains(node);
}

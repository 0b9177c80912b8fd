/**
 * Comes back to where the analyst was reading (#12, faster path): when the workspace is known and
 * no document is open yet, the window opens the document of the stored ReadingPlace, shows the
 * layer it showed (when not the analyst's own), selects the annotation that was selected and
 * scrolls the article to where it was; from then on it keeps the place up to date (document,
 * layer, selection, and the scroll offset as the article scrolls). Per workspace, in localStorage.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { DocId, DocumentData } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { Stash } from '../state/pending-stash';
import { readPlace, writePlace, type ReadingPlace } from '../state/reading-place';
import { READER_SELECTOR } from '../util/reader-pane';
import { useLatest } from './use-latest';

/** How many frames a restore keeps setting the scroll offset while the article is still too short for it (the rest of a long article arrives in the next moments). */
const MAX_SCROLL_FRAMES = 120;

export type ReadingPlaceOptions = Readonly<{
  storage: Stash;
  /** The workspace's path, or null until it has answered. */
  workspacePath: string | null;
  /** The analyst's own layer, or null until known. */
  annotator: string | null;
  openId: DocId | null;
  /** The layer shown, or null. */
  layer: string | null;
  /** The open session's document (null while loading). */
  doc: DocumentData | null;
  selectedId: string | null;
  editorRef: RefObject<DocumentEditorHandle | null>;
  openDocument: (id: DocId) => void;
  setLayer: (layer: string) => void;
  select: (id: string | null) => void;
}>;

/** Restores the stored place once per workspace, then keeps it up to date. */
export function useReadingPlace(options: ReadingPlaceOptions): void {
  const { storage, workspacePath, annotator, openId, layer, doc, selectedId } = options;
  const latest = useLatest(options);
  // The place being restored (null once done), and the workspace it was looked up for.
  const restoring = useRef<ReadingPlace | null>(null);
  // Whether the place's document has been open since the restore began (it was asked for in the same commit).
  const hasOpened = useRef(false);
  const restoredFor = useRef<string | null>(null);
  const writtenFor = useRef<DocId | null>(null);

  // 1. Look the place up once the workspace is known; open its document when none is open.
  useEffect(() => {
    if (workspacePath === null || restoredFor.current === workspacePath) return;
    restoredFor.current = workspacePath;
    const place = readPlace(storage, workspacePath);
    if (!place || latest.current.openId !== null) return;
    restoring.current = place;
    hasOpened.current = false;
    latest.current.openDocument(place.docId);
  }, [storage, workspacePath, latest]);

  // 2. Show its layer; then, once the article is there, select and scroll.
  useEffect(() => {
    const place = restoring.current;
    if (!place) return;
    if (openId !== place.docId) {
      // Another document was opened meanwhile, or this one is gone (deleted, or not in this workspace any more).
      if (openId !== null || hasOpened.current) restoring.current = null;
      return;
    }
    hasOpened.current = true;
    if (annotator === null) return;
    const wanted = place.layer ?? annotator;
    if (layer !== wanted) return latest.current.setLayer(wanted);
    if (!doc || doc.id !== place.docId) return;
    restoring.current = null;
    writtenFor.current = place.docId;
    const selected = place.selectedId !== undefined && doc.annotations.some((a) => a.id === place.selectedId) ? place.selectedId : null;
    if (selected !== null) latest.current.select(selected);
    restoreScroll(place.scrollTop, selected, latest.current.editorRef);
  }, [openId, layer, annotator, doc, latest]);

  // 3. Keep the place up to date: document, layer and selection as they change, the offset as the article scrolls.
  useEffect(() => {
    if (workspacePath === null || restoredFor.current !== workspacePath || restoring.current) return;
    if (openId === null) return writePlace(storage, workspacePath, null);
    // Another document starts at its top: the pane on screen may still be the previous document's.
    // The same one keeps the offset the scroll listener below keeps current: reading the pane's
    // would force a layout of what the change just drew (a tag's details panel, #14).
    const kept = readPlace(storage, workspacePath);
    const scrollTop = writtenFor.current === openId && kept?.docId === openId ? kept.scrollTop : 0;
    writtenFor.current = openId;
    const shownLayer = layer !== null && layer !== annotator ? { layer } : {};
    writePlace(storage, workspacePath, { docId: openId, ...shownLayer, ...(selectedId === null ? {} : { selectedId }), scrollTop });
  }, [storage, workspacePath, openId, layer, annotator, selectedId]);

  useEffect(() => {
    if (workspacePath === null) return;
    let frame = 0;
    const onScroll = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.matches(READER_SELECTOR) || restoring.current || frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const place = readPlace(storage, workspacePath);
        if (place && place.docId === latest.current.openId) writePlace(storage, workspacePath, { ...place, scrollTop: readerScrollTop() });
      });
    };
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('scroll', onScroll, true);
      cancelAnimationFrame(frame);
    };
  }, [storage, workspacePath, latest]);
}

const readerScrollTop = (): number => document.querySelector(READER_SELECTOR)?.scrollTop ?? 0;

/**
 * Scrolls the reading pane to `top`, frame after frame while the article is still too short to
 * reach it (it is drawn progressively); then makes sure the selected annotation is in view (the
 * editor's scrollToAnnotation, which scrolls only when it is not).
 */
function restoreScroll(top: number, selectedId: string | null, editorRef: RefObject<DocumentEditorHandle | null>): void {
  let frames = 0;
  const step = () => {
    const reader = document.querySelector(READER_SELECTOR);
    if (!reader) return;
    reader.scrollTop = top;
    if (Math.abs(reader.scrollTop - top) > 1 && ++frames < MAX_SCROLL_FRAMES) return void requestAnimationFrame(step);
    // 'nearest' leaves an annotation already in view where it is.
    if (selectedId !== null) editorRef.current?.scrollToAnnotation(selectedId, 'nearest');
  };
  requestAnimationFrame(step);
}

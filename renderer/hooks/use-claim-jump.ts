/**
 * Jumping from a claims table to a claim in the article (#12): the Article view is shown, the
 * document and layer opened when they are not the open ones, and once that layer's session has
 * the document and the article is on screen, the claim is selected and scrolled to the middle
 * of the article pane. The article may mount, load or arrive progressively after the jump was
 * asked for, so the jump waits (as state) for all of that instead of scrolling an editor that
 * is not there yet. Never calls the API itself.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { DocId, DocumentData } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { DocumentSession } from '../state/document-session';

/** Where to jump: a claim of one layer of one document. */
export type ClaimJumpTarget = Readonly<{ docId: DocId; claimId: string; layer: string }>;

export type ClaimJumpOptions = Readonly<{
  /** The open document, and the layer shown of it (null: none yet). */
  openId: DocId | null;
  layer: string | null;
  /** The open layer's session and its document (null while loading). */
  session: DocumentSession | null;
  doc: DocumentData | null;
  /** True when the Article view (not a table) is shown. */
  isArticleShown: boolean;
  editorRef: RefObject<DocumentEditorHandle | null>;
  openDocument: (docId: DocId) => void;
  setLayer: (layer: string) => void;
  showArticle: () => void;
  /** Selects an annotation in the open document (the details panel follows). */
  select: (id: string) => void;
  /** Told when the claim is not in the document any more. */
  onInfo: (message: string) => void;
}>;

/**
 * @returns `jump(target)`: shows the claim in the article (asynchronously when its document or
 *   layer must be opened first); a later jump replaces one still waiting
 */
export function useClaimJump(options: ClaimJumpOptions): (target: ClaimJumpTarget) => void {
  const { openId, layer, session, doc, isArticleShown, editorRef, openDocument, setLayer, showArticle, select, onInfo } = options;
  const [pending, setPending] = useState<ClaimJumpTarget | null>(null);

  const jump = useCallback(
    (target: ClaimJumpTarget) => {
      setPending(target);
      showArticle();
      if (target.docId !== openId) openDocument(target.docId);
    },
    [openId, openDocument, showArticle],
  );

  useEffect(() => {
    if (!pending) return;
    // The jump opened its document in the same render; another one open now means the analyst moved on (or it failed to open).
    if (openId !== pending.docId) {
      setPending(null);
      return;
    }
    if (layer !== pending.layer) {
      setLayer(pending.layer);
      return;
    }
    const isLoaded = session !== null && doc !== null && doc.id === pending.docId && (session.layer ?? layer) === pending.layer;
    const editor = editorRef.current;
    if (!isLoaded || !isArticleShown || !editor) return;
    setPending(null);
    if (!doc.annotations.some((a) => a.id === pending.claimId)) {
      onInfo('That claim is no longer in the document (it was deleted or the layer changed); the table shows it until it is reloaded.');
      return;
    }
    select(pending.claimId);
    editor.scrollToAnnotation(pending.claimId, 'center');
  }, [pending, openId, layer, session, doc, isArticleShown, editorRef, setLayer, select, onInfo]);

  return jump;
}

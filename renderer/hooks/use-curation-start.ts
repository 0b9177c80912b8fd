/**
 * Starting and leaving curation mode (#11). Curating a document shows its curated layer (the
 * layer switcher's session for it, editable like the analyst's own) with the candidates beside
 * it. Starting asks for the policy when the document has no curated layer yet; the service then
 * makes the layer with what the policy accepts. Curation mode holds while the curated layer of
 * that document is shown: switching to another layer or document leaves it, switching back
 * returns to it, Exit ends it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimdeskApi, CurationPolicy } from '../../shared/api';
import { annotatorsOf, CURATED_LAYER } from '../../shared/model/layers';
import type { DocId, DocumentRow } from '../../shared/model/types';
import { describeError, formatQuantity } from '../util/format';
import { useLatest } from './use-latest';

/** A document waiting for the curator to choose a policy. */
export type PendingStart = Readonly<{ docId: DocId; title: string; annotators: readonly string[] }>;

export type CurationStart = Readonly<{
  /** True while the open document's curated layer is shown in curation mode. */
  isActive: boolean;
  /** The document asking for a policy (the start dialog is open), or null. */
  pending: PendingStart | null;
  /** True while the service is making the curated layer. */
  isStarting: boolean;
  /** Opens a document in curation mode (asking for the policy first when it has no curated layer). */
  openInCuration: (docId: DocId) => void;
  /** Starts the pending document's curation with `policy`. */
  confirm: (policy: CurationPolicy) => void;
  /** Closes the start dialog without starting. */
  cancel: () => void;
  /** Leaves curation mode (back to the analyst's own layer). */
  exit: () => void;
}>;

export type CurationStartOptions = Readonly<{
  api: ClaimdeskApi;
  /** The analyst's own layer, or null before the workspace has answered. */
  viewer: string | null;
  openId: DocId | null;
  /** The layer shown, or null. */
  layer: string | null;
  setLayer: (layer: string) => void;
  openDocument: (docId: DocId) => void;
  /** Every document's row (for the title and layers of a document not open yet). */
  rowOf: (docId: DocId) => DocumentRow | null;
  /** The service made the curated layer: the document's row as it acknowledged it. */
  onStarted: (row: DocumentRow) => void;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}>;

/** What the status bar says once curation has started. */
function startedMessage(title: string, policy: CurationPolicy, accepted: number): string {
  const spans = formatQuantity(accepted, 'span');
  const what =
    policy === 'all'
      ? `${spans} accepted where all annotators agree`
      : policy === 'majority'
        ? `${spans} accepted where a majority agrees`
        : 'nothing accepted yet';
  return `Curating “${title}”: ${what}. Tab moves to the next undecided candidate, A accepts it, X rejects it.`;
}

/** Curation mode's start, policy dialog and exit. */
export function useCurationStart(options: CurationStartOptions): CurationStart {
  const { openId, layer, setLayer, viewer } = options;
  const opts = useLatest(options);
  const [curatingId, setCuratingId] = useState<DocId | null>(null);
  const [pending, setPending] = useState<PendingStart | null>(null);
  const [isStarting, setStarting] = useState(false);
  // The curated layer is shown once the document it belongs to is open (setLayer is for the open one).
  const showWhenOpen = useRef<DocId | null>(null);

  useEffect(() => {
    if (showWhenOpen.current === null || showWhenOpen.current !== openId || viewer === null) return;
    showWhenOpen.current = null;
    setLayer(CURATED_LAYER);
  }, [openId, viewer, setLayer]);

  const enter = useCallback(
    (docId: DocId) => {
      setCuratingId(docId);
      if (docId === opts.current.openId) opts.current.setLayer(CURATED_LAYER);
      else {
        showWhenOpen.current = docId;
        opts.current.openDocument(docId);
      }
    },
    [opts],
  );

  const openInCuration = useCallback(
    (docId: DocId) => {
      const row = opts.current.rowOf(docId);
      if (!row) return opts.current.onError('That document is no longer in the workspace.');
      if (Object.hasOwn(row.layers, CURATED_LAYER)) {
        enter(docId);
        opts.current.onInfo(`Curating “${row.title}”.`);
        return;
      }
      setPending({ docId, title: row.title, annotators: annotatorsOf(row.layers) });
    },
    [enter, opts],
  );

  const confirm = useCallback(
    (policy: CurationPolicy) => {
      const start = pending;
      if (!start || isStarting) return;
      setStarting(true);
      opts.current.api.startCuration({ docId: start.docId, policy }).then(
        ({ row, accepted }) => {
          setStarting(false);
          setPending(null);
          opts.current.onStarted(row);
          enter(start.docId);
          opts.current.onInfo(startedMessage(start.title, policy, accepted));
        },
        (err: unknown) => {
          setStarting(false);
          setPending(null);
          opts.current.onError(describeError('Could not start curating', err));
        },
      );
    },
    [pending, isStarting, enter, opts],
  );

  const cancel = useCallback(() => setPending(null), []);

  const exit = useCallback(() => {
    setCuratingId(null);
    const { layer: shown, viewer: own } = opts.current;
    if (shown === CURATED_LAYER && own !== null) opts.current.setLayer(own);
  }, [opts]);

  const isActive = curatingId !== null && curatingId === openId && layer === CURATED_LAYER;
  return { isActive, pending, isStarting, openInCuration, confirm, cancel, exit };
}

/**
 * Suggestions for the open document and layer (#15): what the service proposes (getSuggestions;
 * the engine never runs in the window) with the other mentions of what the layer has tagged
 * (use-occurrences.ts), what of it is still to decide against the layer's live
 * annotations (visibleSuggestions), the one under the cursor, and the analyst's actions: ask
 * (compute), accept one or all of a label (acceptOps applied through the layer's session, so it
 * is saved and one Undo takes it back), reject (rejectSuggestions, remembered outside git) and
 * take the last rejection back (use-suggestion-rejections.ts), hide. After an accept or a
 * reject the cursor goes on to the next suggestion. A damaged suggestions file is named in the
 * status bar with what to do (the reply's problem). Nothing is shown in a read-only layer
 * (someone else's) or while curating. The keys are use-suggestion-keys.ts's.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { ClaimdeskApi, SuggestionsReply } from '../../shared/api';
import type { Operation } from '../../shared/model/operations';
import type { DocId, DocumentData, Schema } from '../../shared/model/types';
import { acceptOps, keysOfLabel, visibleSuggestions } from '../../shared/suggest/accept';
import { mergeSets } from '../../shared/suggest/occurrences';
import type { Suggestion, SuggestionKey, SuggestionSet } from '../../shared/suggest/types';
import type { DocumentEditorHandle, TextSelectionSnapshot } from '../editor/DocumentEditor';
import { excerpt } from '../editor/annotation-text';
import { NO_SUGGESTIONS, suggestionViews, type SuggestionLayer } from '../editor/suggestion-plugin';
import type { DocumentSession } from '../state/document-session';
import {
  acceptedAllMessage,
  acceptedMessage,
  adjacentSuggestion,
  arcsOf,
  countsByLabel,
  coveredKeys,
  suggestionAt,
  type SuggestedArc,
} from '../state/suggestion-cursor';
import { describeError } from '../util/format';
import { afterNextPaint } from '../util/next-task';
import { useLatest } from './use-latest';
import { useOccurrences } from './use-occurrences';
import { layerArg, useSuggestionRejections } from './use-suggestion-rejections';

export type Suggestions = Readonly<{
  /** True while suggestions are shown for the open document (turned on, not hidden, the analyst's own layer). */
  isShown: boolean;
  /** True while the service computes them. */
  isAsking: boolean;
  /** What is still to decide (empty when not shown). */
  visible: SuggestionSet;
  /** How many per label, in the schema's order. */
  counts: readonly Readonly<{ label: string; count: number }>[];
  /** What the article draws. */
  layer: SuggestionLayer;
  /** The suggested links of the suggestion under the cursor. */
  arcs: readonly SuggestedArc[];
  /** The suggestion under the article's selection or caret, or null. */
  activeAt: (selection: Readonly<{ start: number; end: number }> | null) => Suggestion | null;
  /** Asks the service to compute suggestions for the open document (turning them on for it) and shows them. */
  ask: () => void;
  hide: () => void;
  accept: (s: Suggestion) => void;
  acceptAll: (label: string) => void;
  reject: (s: Suggestion) => void;
  /** Takes the last rejection back. */
  unreject: () => void;
  /** Moves the cursor to the next (1) or previous (-1) suggestion from the selection. @returns false when there is none */
  move: (direction: 1 | -1) => boolean;
}>;

export type SuggestionsOptions = Readonly<{
  api: ClaimdeskApi;
  /** The open layer's session (its document and layer are the ones suggestions are read for). */
  session: DocumentSession | null;
  doc: DocumentData | null;
  schema: Schema | null;
  author: string;
  /** False while curating: suggestions are the analyst's own layer's. */
  isEnabled: boolean;
  editorRef: RefObject<DocumentEditorHandle | null>;
  selection: TextSelectionSnapshot | null;
  /** Applies a change through the layer's session (the annotator's apply). @returns whether it applied */
  apply: (change: readonly Operation[] | string | null) => boolean;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}>;

/** A reply for a document and layer (undefined: the service's default, the analyst's own). */
type Loaded = Readonly<{ docId: DocId; layer: string | undefined; reply: SuggestionsReply; hidden: boolean }>;

const EMPTY: SuggestionSet = { suggestions: [], links: [] };

const stampFor = (author: string) => ({ author, now: new Date().toISOString(), newId: () => crypto.randomUUID() });

/** Suggestions: loaded per document and layer, shown, decided. */
export function useSuggestions(options: SuggestionsOptions): Suggestions {
  const { api, session, doc, schema, isEnabled, selection } = options;
  const docId = session?.doc.id ?? null;
  const layer = session?.layer;
  const opts = useLatest(options);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [isAsking, setIsAsking] = useState(false);
  const onReply = useCallback(
    (id: DocId, name: string | undefined, reply: SuggestionsReply) =>
      setLoaded((l) => (l && l.docId === id && l.layer === name ? { ...l, reply } : l)),
    [],
  );
  const rejections = useSuggestionRejections(api, session, onReply, options.onError);
  const pending = rejections.pending;

  const isOwnLayer = isEnabled && session !== null && session.readOnlyReason === null;
  useEffect(() => {
    if (docId === null || !isOwnLayer) return;
    let wanted = true;
    // Asked after the frame that shows the article (#14): starting the request took ~3 ms of the open.
    const cancel = afterNextPaint(() =>
      api.getSuggestions({ docId, ...layerArg(layer) }).then(
        (reply) => {
          if (!wanted) return;
          setLoaded({ docId, layer, reply, hidden: false });
          if (reply.problem) opts.current.onError(reply.problem);
        },
        (err: unknown) => wanted && opts.current.onError(describeError('Could not read the suggestions for this article', err)),
      ),
    );
    return () => {
      wanted = false;
      cancel();
    };
  }, [api, docId, layer, isOwnLayer, opts]);

  const current = loaded && loaded.docId === docId && loaded.layer === layer && isOwnLayer ? loaded : null;
  const isShown = current !== null && current.reply.enabled && !current.hidden;
  // The service's set, and the other mentions of what the layer has tagged (computed here: a pure scan, redone only when those change).
  const occurrences = useOccurrences(doc, isShown);
  const replySet = isShown ? current.reply.set : EMPTY;
  const set = useMemo(() => (occurrences.suggestions.length === 0 ? replySet : mergeSets(replySet, occurrences)), [replySet, occurrences]);
  const rejected = useMemo(() => new Set([...(current?.reply.rejected ?? []), ...pending]), [current, pending]);
  const annotations = doc?.annotations;
  const visible = useMemo(
    () => (annotations && set !== EMPTY ? visibleSuggestions(set, annotations, rejected) : EMPTY),
    [set, annotations, rejected],
  );
  const blocks = doc?.blocks;
  const views = useMemo(() => (blocks ? suggestionViews(blocks, visible.suggestions) : []), [blocks, visible]);

  const activeAt = useCallback(
    (sel: Readonly<{ start: number; end: number }> | null) => (sel ? suggestionAt(visible.suggestions, sel.start, sel.end) : null),
    [visible],
  );
  const active = activeAt(selection);
  const activeKey = active?.key ?? null;
  const layerShown = useMemo<SuggestionLayer>(() => (views.length > 0 ? { views, activeKey } : NO_SUGGESTIONS), [views, activeKey]);
  const arcs = useMemo(() => arcsOf(set, visible, activeKey, annotations ?? []), [set, visible, activeKey, annotations]);
  const counts = useMemo(() => countsByLabel(visible.suggestions, schema?.labels.map((l) => l.name) ?? []), [visible, schema]);

  const latest = useLatest({ set, visible, rejected, current });

  /** Selects `s` in the article (scrolled into view), or clears the selection when there is none to go to. */
  const goTo = useCallback(
    (s: Suggestion | null) => {
      const editor = opts.current.editorRef.current;
      if (!editor) return;
      if (s) editor.selectAndReveal(s.start, s.end);
      else editor.collapseSelection();
    },
    [opts],
  );

  /** The cursor after deciding `from`: the next suggestion still open, else the previous one. */
  const goOn = useCallback(
    (from: Suggestion, settled: ReadonlySet<SuggestionKey>) => {
      const all = latest.current.visible.suggestions;
      goTo(adjacentSuggestion(all, from, 1, settled) ?? adjacentSuggestion(all, from, -1, settled));
    },
    [goTo, latest],
  );

  const move = useCallback(
    (direction: 1 | -1) => {
      const sel = opts.current.editorRef.current?.getSelection() ?? null;
      const all = latest.current.visible.suggestions;
      const at = sel ? suggestionAt(all, sel.start, sel.end) : null;
      const next = adjacentSuggestion(all, at ?? (direction === 1 ? (sel?.start ?? 0) : (sel?.end ?? 0)), direction);
      if (next) goTo(next);
      return next !== null;
    },
    [goTo, latest, opts],
  );

  const ask = useCallback(() => {
    const { session: target, onInfo, onError } = opts.current;
    if (!target) return onInfo('Open an article first, then ask for suggestions.');
    const id = target.doc.id;
    const name = target.layer;
    if (target.readOnlyReason !== null) return onInfo(`${target.readOnlyReason} Suggestions are made for your own layer.`);
    if (!opts.current.isEnabled) return onInfo('Suggestions are for your own layer: leave curation first.');
    setIsAsking(true);
    api.getSuggestions({ docId: id, ...layerArg(name), compute: true }).then(
      (reply) => {
        setIsAsking(false);
        setLoaded({ docId: id, layer: name, reply, hidden: false });
        const shown = visibleSuggestions(reply.set, target.doc.annotations, new Set(reply.rejected)).suggestions.length;
        // A damaged suggestions file: the suggestions still come, but say what to do about the file.
        if (reply.problem) onError(reply.problem);
        else
          onInfo(
            shown > 0
              ? 'Suggestions shown (counted in the bar above): Tab goes to the next, Enter or A accepts, X rejects.'
              : 'The rules find nothing new to suggest in this article.',
          );
      },
      (err: unknown) => {
        setIsAsking(false);
        onError(describeError('Could not make suggestions for this article', err));
      },
    );
  }, [api, opts]);

  const hide = useCallback(() => {
    setLoaded((l) => (l ? { ...l, hidden: true } : l));
    opts.current.onInfo(`Suggestions hidden. Press S or Suggest to show them again.`);
  }, [opts]);

  /** Accepts `keys` through the session. @returns the change applied, or null */
  const acceptKeys = useCallback(
    (keys: readonly SuggestionKey[]) => {
      const { session: target, author, apply, onInfo } = opts.current;
      if (!target) return null;
      const ops = acceptOps(target.doc, latest.current.set, keys, latest.current.rejected, stampFor(author));
      if (ops.length === 0) {
        onInfo('Already in your layer.');
        return null;
      }
      return apply(ops) ? ops : null;
    },
    [latest, opts],
  );

  const accept = useCallback(
    (s: Suggestion) => {
      const ops = acceptKeys([s.key]);
      if (!ops || !opts.current.session) return;
      opts.current.onInfo(acceptedMessage(opts.current.session.doc.text, s, ops));
      goOn(s, coveredKeys(latest.current.visible.suggestions, ops));
    },
    [acceptKeys, goOn, latest, opts],
  );

  const acceptAll = useCallback(
    (label: string) => {
      const keys = keysOfLabel(latest.current.visible, label);
      const ops = keys.length > 0 ? acceptKeys(keys) : null;
      if (ops) opts.current.onInfo(acceptedAllMessage(label, keys.length, ops));
    },
    [acceptKeys, latest, opts],
  );

  const reject = useCallback(
    (s: Suggestion) => {
      const { session: target, onInfo } = opts.current;
      if (!target) return;
      rejections.send(s, false);
      onInfo(
        `Rejected: ${s.label} “${excerpt(target.doc.text.slice(s.start, s.end), 48)}”, not suggested again in your layer. Shift+X takes it back.`,
      );
      goOn(s, new Set([s.key]));
    },
    [goOn, opts, rejections],
  );

  const unreject = useCallback(() => {
    const s = rejections.last;
    const { session: target, onInfo } = opts.current;
    if (!s || !target) return onInfo('No rejection to take back.');
    rejections.send(s, true);
    onInfo(`Suggested again: ${s.label} “${excerpt(target.doc.text.slice(s.start, s.end), 48)}”.`);
    goTo(s);
  }, [goTo, opts, rejections]);

  return { isShown, isAsking, visible, counts, layer: layerShown, arcs, activeAt, ask, hide, accept, acceptAll, reject, unreject, move };
}

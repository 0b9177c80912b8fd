/**
 * Link mode of the annotating flow (useAnnotator): start it from the selected annotation, from
 * either end of a link (from a Source, its claims are the candidates), change its kind, move
 * between candidates (a ring), and complete it, storing the link in the schema's direction
 * whichever end the analyst started from; and take the link offered after a tag. Works on the annotator's state through `setState`; no
 * DOM beyond scrolling a candidate into view through the editor handle.
 */
import { useCallback, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { adjacentSpan } from '../../shared/anchoring/span-order';
import { link, type Stamp } from '../../shared/model/commands';
import { excerpt } from '../../shared/model/excerpt';
import { firstLinkable, linkCandidates, linkEnds, linkKindsFor, otherEndLabels, type LinkKind, type LinkOffer } from '../../shared/model/link-kinds';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, DocumentData, Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { AnnotationUi, LinkMode } from '../editor/annotation-views';
import type { DocumentSession } from '../state/document-session';

/** The part of the annotator's state link mode changes. */
type LinkState = Readonly<{ selectedId: string | null; linking: LinkMode | null; offer: LinkOffer | null }>;

export type LinkModeContext<S extends LinkState> = Readonly<{
  /** What the annotator shows now (read when an action runs). */
  latest: RefObject<
    Readonly<{
      ui: AnnotationUi;
      doc: DocumentData | null;
      schema: Schema | null;
      selected: Annotation | null;
      offer: LinkOffer | null;
      find: (id: string | null) => Annotation | undefined;
    }>
  >;
  opts: RefObject<
    Readonly<{
      session: DocumentSession | null;
      author: string;
      editorRef: RefObject<DocumentEditorHandle | null>;
      onInfo: (message: string) => void;
    }>
  >;
  apply: (change: readonly Operation[] | string | null) => boolean;
  setState: Dispatch<SetStateAction<S>>;
  stamp: (author: string) => Stamp;
}>;

export type LinkModeActions = Readonly<{
  /** Starts link mode from the selected annotation (an offered link is dropped). */
  startLink: () => void;
  setLinkType: (kind: LinkKind) => void;
  cancelLink: () => void;
  completeLink: (targetId: string) => void;
  moveActiveCandidate: (direction: 1 | -1) => void;
  /** Takes the link offered after the last tag, as if linked by hand, and says so. */
  takeOffer: () => void;
}>;

/** The link-mode actions over the annotator's state. */
export function useLinkMode<S extends LinkState>({ latest, opts, apply, setState, stamp }: LinkModeContext<S>): LinkModeActions {
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
    [latest, opts, setState],
  );

  const startLink = useCallback(() => startLinkOfType(undefined), [startLinkOfType]);
  const setLinkType = useCallback((kind: LinkKind) => startLinkOfType(kind), [startLinkOfType]);
  const cancelLink = useCallback(() => setState((s) => ({ ...s, linking: null })), [setState]);

  const completeLink = useCallback(
    (targetId: string) => {
      const { doc: d, schema: s, ui: u } = latest.current;
      const mode = u.linking;
      if (!d || !s || !mode) return;
      // Stored in the schema's direction, whichever end the analyst started from.
      const ends = linkEnds(mode, mode.fromId, targetId);
      const change = link(d, s, ends.from, ends.to, stamp(opts.current.author), mode.type);
      const other = latest.current.find(targetId);
      if (apply(change))
        opts.current.onInfo(`Linked: ${mode.type} ${mode.reverse ? '←' : '→'} ${other?.label ?? ''} “${excerpt(other?.quote ?? '', 32)}”`);
      setState((st) => ({ ...st, selectedId: mode.fromId, linking: null }));
    },
    [apply, latest, opts, setState, stamp],
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

  const takeOffer = useCallback(() => {
    const { doc: d, schema: s, offer: o } = latest.current;
    setState((st) => ({ ...st, offer: null }));
    if (!d || !s || !o) return;
    if (!apply(link(d, s, o.from.id, o.to.id, stamp(opts.current.author), o.type))) return;
    const chosen = o.types.length > 1 ? ` (the first of the allowed types ${o.types.join(', ')})` : '';
    opts.current.onInfo(`Linked: ${o.from.label} “${excerpt(o.from.quote, 24)}” → ${o.type} → ${o.to.label} “${excerpt(o.to.quote, 24)}”${chosen}`);
  }, [apply, latest, opts, setState, stamp]);

  return { startLink, setLinkType, cancelLink, completeLink, moveActiveCandidate, takeOffer };
}

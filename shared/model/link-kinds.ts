/**
 * Linking from either end: which kinds of link the schema allows between an annotation and the
 * others (a relation type, taken from the annotation's end or reaching it), which annotations a
 * kind can join it to, and which way round the link is stored. A link is always stored in the
 * schema's direction (Claim → Source attributed_to), whichever end the analyst started from.
 * Also the link offered right after tagging (a Source next to a Claim in one sentence). Pure.
 */
import { nextSentenceEnd, previousSentenceStart } from '../anchoring/sentences';
import { excerpt } from './excerpt';
import type { Annotation, DocumentData, Schema } from './types';

/** How much of each end's quote the offer's question shows. */
const OFFER_QUOTE_CHARS = 24;

/** A relation type seen from one end: `reverse` when the annotation the analyst started from is the link's target. */
export type LinkKind = Readonly<{ type: string; reverse: boolean }>;

/** The ends of a link as stored (the schema's direction). */
export type LinkEnds = Readonly<{ from: string; to: string }>;

/**
 * The kinds of link an annotation labelled `label` can take part in, in schema order, each type
 * from its start first, then reaching it. A type that joins the label to itself in both
 * directions (coref) is listed once, from its start.
 */
export function linkKindsFor(schema: Schema, label: string): LinkKind[] {
  const kinds: LinkKind[] = [];
  for (const t of schema.relationTypes) {
    const starts = t.from.includes(label);
    if (starts) kinds.push({ type: t.name, reverse: false });
    if (t.to.includes(label) && !(starts && t.from.every((l) => t.to.includes(l)) && t.to.every((l) => t.from.includes(l))))
      kinds.push({ type: t.name, reverse: true });
  }
  return kinds;
}

/** The labels the other end of `kind` may have (its targets, or its sources when reversed); empty for an unknown type. */
export function otherEndLabels(schema: Schema, kind: LinkKind): readonly string[] {
  const t = schema.relationTypes.find((r) => r.name === kind.type);
  return t ? (kind.reverse ? t.from : t.to) : [];
}

/** How a link of `kind` between the origin and `otherId` is stored. */
export function linkEnds(kind: LinkKind, originId: string, otherId: string): LinkEnds {
  return kind.reverse ? { from: otherId, to: originId } : { from: originId, to: otherId };
}

/**
 * The annotations a link of `kind` can join `origin` to: those with a label the schema allows at
 * the other end, not `origin` itself, and not linked that way already.
 */
export function linkCandidates(doc: DocumentData, schema: Schema, origin: Annotation, kind: LinkKind): Set<string> {
  const labels = otherEndLabels(schema, kind);
  const done = new Set<string>();
  for (const r of doc.relations) {
    if (r.type !== kind.type) continue;
    if (kind.reverse ? r.to === origin.id : r.from === origin.id) done.add(kind.reverse ? r.from : r.to);
  }
  return new Set(doc.annotations.filter((a) => a.id !== origin.id && labels.includes(a.label) && !done.has(a.id)).map((a) => a.id));
}

/**
 * The first kind (schema order, see linkKindsFor) with something to link to, and its candidates.
 * @returns null when no kind has a candidate
 */
export function firstLinkable(doc: DocumentData, schema: Schema, origin: Annotation): { kind: LinkKind; candidates: Set<string> } | null {
  for (const kind of linkKindsFor(schema, origin.label)) {
    const candidates = linkCandidates(doc, schema, origin, kind);
    if (candidates.size > 0) return { kind, candidates };
  }
  return null;
}

/** A link the schema allows between two annotations: stored ends, the type chosen, and every type allowed that way round. */
export type LinkOffer = Readonly<{ from: Annotation; to: Annotation; type: string; types: readonly string[] }>;

/**
 * The link to offer right after `added` was tagged next to `previous`: when both lie in one
 * sentence (or in the sentences one of them spans) and the schema allows a type between their
 * labels, either way round (from `previous` to `added` first). The first allowed type is chosen.
 * @returns null when they are not in one sentence, already linked, or the schema joins no such pair
 */
export function linkOfferAfterTag(doc: DocumentData, schema: Schema, previous: Annotation, added: Annotation): LinkOffer | null {
  if (previous.id === added.id || !(nearSentences(doc.text, previous, added) || nearSentences(doc.text, added, previous))) return null;
  for (const [from, to] of [
    [previous, added],
    [added, previous],
  ] as const) {
    const types = schema.relationTypes.filter((t) => t.from.includes(from.label) && t.to.includes(to.label)).map((t) => t.name);
    const linked = new Set(doc.relations.filter((r) => r.from === from.id && r.to === to.id).map((r) => r.type));
    const open = types.filter((t) => !linked.has(t));
    if (open.length > 0) return { from, to, type: open[0]!, types: open };
  }
  return null;
}

/** True when `b` overlaps the sentences `a` lies in (from the start of the sentence holding a's start to the end of the one holding its end). */
function nearSentences(text: string, a: Annotation, b: Annotation): boolean {
  const start = previousSentenceStart(text, a.start + 1);
  const end = nextSentenceEnd(text, Math.max(a.start, a.end - 1));
  return b.start < end && b.end > start;
}

/** The question the status bar asks about an offered link: "Link Claim “…” → attributed_to → Source “Hill”? Enter links, Esc dismisses". */
export function linkOfferQuestion(offer: LinkOffer): string {
  const end = (a: Annotation) => `${a.label} “${excerpt(a.quote, OFFER_QUOTE_CHARS)}”`;
  const choice = offer.types.length > 1 ? ` (the first of ${offer.types.join(', ')})` : '';
  return `Link ${end(offer.from)} → ${offer.type} → ${end(offer.to)}${choice}? Enter links, Esc dismisses`;
}

/**
 * Where the analyst is among the suggestions shown (#15), and what the status bar says after an
 * accept: the suggestion under the selection or caret, the next or previous one in text order
 * (the one order of spans, shared/model/spans.ts), the one to go on to after some were decided,
 * and the count per label. Pure: no DOM, no API.
 */
import { adjacentSpan } from '../../shared/anchoring/span-order';
import type { Operation } from '../../shared/model/operations';
import type { Annotation } from '../../shared/model/types';
import { annotationFinder } from '../../shared/suggest/accept';
import type { Suggestion, SuggestionKey, SuggestionSet } from '../../shared/suggest/types';
import { suggestionKey } from '../../shared/suggest/types';
import { excerpt } from '../../shared/model/excerpt';

/** A suggested link of the suggestion under the cursor, with the text offsets of its two ends (drawn dashed). */
export type SuggestedArc = Readonly<{ key: string; type: string; from: TextEnd; to: TextEnd }>;
/** One end of a suggested link: its text and label. */
export type TextEnd = Readonly<{ start: number; end: number; label: string }>;

/** How much of a suggestion's text the status bar quotes. */
export const QUOTE_CHARS = 48;

/** A suggestion as a span in text order (its key stands for an id). */
const spanOf = (s: Suggestion) => ({ id: s.key, start: s.start, end: s.end, s });

/**
 * The suggestion a selection [start, end) (a caret: start = end) is on: the one with exactly
 * those bounds, else the shortest one holding the whole selection (a caret at either edge of a
 * span counts as in it).
 * @returns the suggestion, or null when the selection is on none
 */
export function suggestionAt(suggestions: readonly Suggestion[], start: number, end: number): Suggestion | null {
  let best: Suggestion | null = null;
  for (const s of suggestions) {
    if (s.start > start || s.end < end) continue;
    if (s.start === start && s.end === end) return s;
    if (best === null || s.end - s.start < best.end - best.start) best = s;
  }
  return best;
}

/**
 * The suggestion right after (1) or right before (-1) `from` in text order.
 * @param from a suggestion, or a caret offset (1: the first starting at or after it; -1: the last starting before it)
 * @param skip keys not to stop at (those just decided)
 * @returns the neighbour, or null when there is none that way
 */
export function adjacentSuggestion(
  suggestions: readonly Suggestion[],
  from: Suggestion | number,
  direction: 1 | -1,
  skip: ReadonlySet<SuggestionKey> = new Set(),
): Suggestion | null {
  const key = typeof from === 'number' ? from : spanOf(from);
  return adjacentSpan(suggestions.map(spanOf), key, direction, (span) => !skip.has(span.id))?.s ?? null;
}

/**
 * The suggestions a change settles: those an annotation it adds covers (same label, some text
 * in common), which are no longer proposed once it is applied (visibleSuggestions).
 */
export function coveredKeys(suggestions: readonly Suggestion[], ops: readonly Operation[]): Set<SuggestionKey> {
  const covering = annotationFinder(ops.flatMap((op) => (op.op === 'addAnnotation' ? [op.annotation] : [])));
  return new Set(suggestions.filter((s) => covering(s) !== undefined).map((s) => s.key));
}

/**
 * What the status bar says after accepting `s`: its label and text, what came with it, and the
 * annotations already there it was linked to ("Accepted: Claim “…” with its cue, linked to
 * Source “Hill”").
 * @param ops the change that accepted it (acceptOps)
 * @param annotations the layer's annotations before the change (the ends its new links may reuse)
 */
export function acceptedMessage(text: string, s: Suggestion, ops: readonly Operation[], annotations: readonly Annotation[]): string {
  const own = suggestionKey(s.label, s.start, s.end);
  const added = ops.flatMap((op) => (op.op === 'addAnnotation' ? [op.annotation] : []));
  const brought = added.flatMap((a) => (suggestionKey(a.label, a.start, a.end) !== own ? [a.label.toLowerCase()] : []));
  const addedIds = new Set(added.map((a) => a.id));
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const links = ops.flatMap((op) => (op.op === 'addRelation' ? [op.relation] : []));
  // The ends of the new links that were tagged already: named, as they are not new.
  const existing = [...new Set(links.flatMap((r) => [r.from, r.to]).filter((id) => !addedIds.has(id)))].flatMap((id) => {
    const a = byId.get(id);
    return a ? [`${a.label} “${excerpt(text.slice(a.start, a.end), QUOTE_CHARS)}”`] : [];
  });
  const head = `Accepted: ${s.label} “${excerpt(text.slice(s.start, s.end), QUOTE_CHARS)}”`;
  const linked = existing.length > 0 ? `linked to ${joinWords(existing)}` : '';
  if (brought.length > 0) return `${head} with its ${joinWords(brought)}${linked ? `, ${linked}` : ''}.`;
  if (linked) return `${head}, ${linked}.`;
  if (links.length > 0) return `${head} with ${links.length === 1 ? 'its link' : `its ${links.length} links`}.`;
  return `${head}.`;
}

/** What the status bar says after "Accept all": how many of the label, and how many spans and links that made. */
export function acceptedAllMessage(label: string, count: number, ops: readonly Operation[]): string {
  const spans = ops.filter((op) => op.op === 'addAnnotation').length;
  const links = ops.filter((op) => op.op === 'addRelation').length;
  const made = `${spans} annotation${spans === 1 ? '' : 's'}${links > 0 ? ` and ${links} link${links === 1 ? '' : 's'}` : ''}`;
  return `Accepted ${count} ${label} suggestion${count === 1 ? '' : 's'}: ${made} (one Undo takes them back).`;
}

/** How many suggestions of each label, in the order of `labels` (labels with none left out). */
export function countsByLabel(suggestions: readonly Suggestion[], labels: readonly string[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of suggestions) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return labels.flatMap((label) => (counts.get(label) ? [{ label, count: counts.get(label)! }] : []));
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The links of the suggestion `activeKey` still to decide (in `visible`), with where their ends
 * are: a suggestion of `set` (which may be tagged already), or an annotation whose label and
 * bounds the key names (the tagged mention an occurrence refers to).
 */
export function arcsOf(set: SuggestionSet, visible: SuggestionSet, activeKey: string | null, annotations: readonly Annotation[]): SuggestedArc[] {
  if (activeKey === null) return [];
  const byKey = new Map(set.suggestions.map((s) => [s.key, s]));
  const end = (key: string): TextEnd | null => {
    const s = byKey.get(key) ?? annotations.find((a) => suggestionKey(a.label, a.start, a.end) === key);
    return s ? { start: s.start, end: s.end, label: s.label } : null;
  };
  return visible.links.flatMap((l) => {
    if (l.from !== activeKey && l.to !== activeKey) return [];
    const from = end(l.from);
    const to = end(l.to);
    return from && to ? [{ key: `${l.type}:${l.from}>${l.to}`, type: l.type, from, to }] : [];
  });
}

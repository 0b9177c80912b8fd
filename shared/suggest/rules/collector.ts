/**
 * Collects what the rules propose for one article: spans by key (the first rule to propose a
 * span keeps it, so the more specific rule runs first) and links without duplicates. Knows
 * nothing of the rules themselves.
 */
import type { Attributes } from '../../model/types';
import { suggestionKey, type SuggestedLink, type Suggestion, type SuggestionSet } from '../types';

/** A span a rule has found, before it is proposed. */
export type Found = Readonly<{ start: number; end: number; rule: string; attributes: Attributes }>;

/** Collects spans and links; `result` returns them in text order. */
export class Collector {
  private readonly spans = new Map<string, Suggestion>();
  private readonly links = new Map<string, SuggestedLink>();
  /** The ids of the links that name each span, so that moving a span touches only its own links. */
  private readonly linksOf = new Map<string, string[]>();

  /** Proposes a span; returns its key (the existing one's when the span is already proposed). */
  span(label: string, found: Found): string {
    const key = suggestionKey(label, found.start, found.end);
    if (!this.spans.has(key)) this.spans.set(key, { key, label, start: found.start, end: found.end, attributes: found.attributes, rule: found.rule });
    return key;
  }

  /**
   * Moves a proposed span to new bounds (a claim that takes in the quotation after it): its key
   * changes, and so do the links that name it.
   * @returns the new key
   */
  move(key: string, start: number, end: number): string {
    const old = this.spans.get(key);
    if (!old) throw new RangeError(`No proposed span ${key} to move`);
    this.spans.delete(key);
    const moved = this.span(old.label, { start, end, rule: old.rule, attributes: old.attributes });
    for (const id of this.linksOf.get(key) ?? []) {
      const l = this.links.get(id);
      if (!l) continue;
      this.links.delete(id);
      this.link(l.type, l.from === key ? moved : l.from, l.to === key ? moved : l.to);
    }
    this.linksOf.delete(key);
    return moved;
  }

  /** Proposes a link (once). */
  link(type: string, from: string, to: string): void {
    const id = `${type} ${from} ${to}`;
    if (this.links.has(id)) return;
    this.links.set(id, { type, from, to });
    for (const key of [from, to]) {
      const ids = this.linksOf.get(key);
      if (ids) ids.push(id);
      else this.linksOf.set(key, [id]);
    }
  }

  /** The suggestions proposed so far with this label, in the order they were proposed. */
  ofLabel(label: string): Suggestion[] {
    return [...this.spans.values()].filter((s) => s.label === label);
  }

  /** The set: spans in text order, links in the order they were proposed. */
  result(): SuggestionSet {
    const suggestions = [...this.spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    return { suggestions, links: [...this.links.values()] };
  }
}

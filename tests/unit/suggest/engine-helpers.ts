/** Test helpers for the suggestion engine: run it on paragraphs and read its proposals back as text. */
import type { Block } from '../../../shared/model/types';
import { suggest } from '../../../shared/suggest/engine';
import type { Lexicon, SuggestionSet } from '../../../shared/suggest/types';

/** The article's text (paragraphs joined by a blank line) and one block per paragraph. */
export function article(...paragraphs: string[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let start = 0;
  for (const p of paragraphs) {
    blocks.push({ type: 'paragraph', start, end: start + p.length });
    start += p.length + 2;
  }
  return { text: paragraphs.join('\n\n'), blocks };
}

/** What the engine proposes for these paragraphs, as text: spans `Label text {attributes}` and links `type: from -> to`. */
export function proposals(
  paragraphs: string[],
  options: { lexicon?: Lexicon; disabled?: string[] } = {},
): { spans: string[]; links: string[]; set: SuggestionSet } {
  const { text, blocks } = article(...paragraphs);
  const set = suggest({ text, blocks, lexicon: options.lexicon, disabledRules: new Set(options.disabled ?? []) });
  const textOf = (key: string) => {
    const s = set.suggestions.find((x) => x.key === key);
    return s ? text.slice(s.start, s.end) : `?${key}`;
  };
  const spans = set.suggestions.map((s) => {
    const attributes = Object.entries(s.attributes).map(([k, v]) => `${k}=${String(v)}`);
    return `${s.label} ${text.slice(s.start, s.end)}${attributes.length ? ` {${attributes.join(' ')}}` : ''}`;
  });
  const links = set.links.map((l) => `${l.type}: ${textOf(l.from)} -> ${textOf(l.to)}`);
  return { spans, links, set };
}

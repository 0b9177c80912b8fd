/**
 * Suggestions (#15): spans and links Claimdesk proposes for an article, offline, which the
 * analyst accepts (they become ordinary annotations in the analyst's layer, with their origin)
 * or rejects (remembered per document and layer, outside git). A suggestion is never stored in a
 * layer and never exported. Plain JSON-safe data; offsets are UTF-16, like annotations'.
 */
import type { Attributes, Block } from '../model/types';

/**
 * A suggestion's identity: its label and bounds, `Label:start-end` (UTF-16). Rejections are
 * remembered by key, and a link names its ends by key, so an end the analyst has already tagged
 * (an annotation with that label and those bounds) is found by the same key.
 */
export type SuggestionKey = string;

/** One proposed span. */
export type Suggestion = Readonly<{
  key: SuggestionKey;
  /** A label of the default schema: Claim, Source, Cue or Entity. */
  label: string;
  start: number;
  end: number;
  /** Attribute values the rule is sure of (quote_form, identification, cue_class), by the default schema's names. */
  attributes: Attributes;
  /** Which rule proposed it (a short kebab-case name, e.g. 'direct-quote'); recorded as the accepted annotation's origin. */
  rule: string;
}>;

/** One proposed link between two suggested (or already tagged) spans, named by their keys. */
export type SuggestedLink = Readonly<{ type: string; from: SuggestionKey; to: SuggestionKey }>;

/** What the engine proposes for one article: spans in text order, and links whose ends are among them. */
export type SuggestionSet = Readonly<{ suggestions: readonly Suggestion[]; links: readonly SuggestedLink[] }>;

/**
 * Words the workspace's analysts have tagged by hand, which the engine treats like its own
 * lists: cue phrases (the text of Cue annotations) and source names (the text of Source and
 * Entity annotations), lower-cased, each once.
 */
export type Lexicon = Readonly<{ cues: readonly string[]; sources: readonly string[] }>;

/** What the engine reads: the article's text and blocks, the workspace lexicon, and rules to leave out (for the bench's ablations). */
export type SuggestInput = Readonly<{
  text: string;
  blocks: readonly Block[];
  lexicon?: Lexicon;
  /** Rule names (Suggestion.rule) the engine must not run or propose. */
  disabledRules?: ReadonlySet<string>;
}>;

/** The prefix of an accepted suggestion's origin: `suggestion:<rule>`. */
export const ORIGIN_PREFIX = 'suggestion:';

/** The key of a span with this label and these bounds. */
export const suggestionKey = (label: string, start: number, end: number): SuggestionKey => `${label}:${start}-${end}`;

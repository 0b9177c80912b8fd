/** The engine's rules by name (Suggestion.rule, SuggestInput.disabledRules), one sentence each: what the bench's ablation switches off. */
export const RULES = {
  'direct-quote': 'A quotation in any quotation style is a direct claim, linked to the source and cue of the clause that introduces or follows it.',
  'multi-paragraph-quote': 'A quotation whose paragraphs each reopen it without closing the previous one is one direct claim.',
  'quote-continuation':
    'A quotation after an attributed claim in its paragraph, with no attribution of its own, continues that claim ("“A,” he said. “B.”").',
  'said-clause': 'The say/tell family: "X said (that) …", "…, X said.", "…, said X.", "X told reporters …", "The plan, X said, is …".',
  'reporting-verb-clause':
    'Every other reporting verb in any form, in the same constructions: warned, argued, denied, believes, fears, wants, found, called for….',
  'according-to': '"According to X, …", "…, according to X." and "In a new poll, …" (a poll, survey or report as the source).',
  'passive-by':
    'A passive with its agent: "it was reported by X that …", "The plan was criticized by X."; without one, "X is expected to …" is a claim no one is named for.',
  headline: 'A headline\'s "Name: what they said" is an attribution, and its Title Case verbs are cues ("Rubio Thinks Biden Was Effective").',
  apposition: 'A source takes in its apposition: "Christopher Hill, the top U.S. envoy, said".',
  'anonymous-source': 'A source the reader is not told the name of ("a person familiar with the talks", "sources") is proposed as anonymous.',
  'pronoun-coref': 'A pronoun source (he, she) is linked by coref to the nearest preceding named person, proposed as a source when it is not one.',
  lexicon: "The workspace's cue phrases are cues too, and its source names are subjects.",
} as const;

/** A rule's name. */
export type RuleName = keyof typeof RULES;

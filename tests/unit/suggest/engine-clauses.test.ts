import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/suggest/engine';
import { proposals } from './engine-helpers';

/** The expected proposals of one attribution: spans in text order and its two links. */
function attribution(
  claim: string,
  source: string,
  cue: string,
  order: 'claim-first' | 'source-first' | 'cue-first',
  form = 'indirect',
  cueClass = 'communication',
  identification = 'described',
) {
  const c = `Claim ${claim} {quote_form=${form}}`;
  const s = `Source ${source} {identification=${identification}}`;
  const q = `Cue ${cue} {cue_class=${cueClass}}`;
  const spans = order === 'claim-first' ? [c, s, q] : order === 'source-first' ? [s, q, c] : [q, s, c];
  return { spans, links: [`attributed_to: ${claim} -> ${source}`, `has_cue: ${claim} -> ${cue}`] };
}

const expectAttribution = (text: string, expected: ReturnType<typeof attribution>) => {
  const { spans, links } = proposals([text]);
  expect(spans).toEqual(expected.spans);
  expect(links).toEqual(expected.links);
};

/** Indirect and mixed speech introduced by a reporting expression (#15), with its cue and source. */
describe('suggestion engine: reporting clauses', () => {
  it('"X said that …"', () => {
    expectAttribution(
      'The mayor said that the bridge would reopen in May.',
      attribution('the bridge would reopen in May', 'The mayor', 'said', 'source-first'),
    );
  });

  it('"…, X said." and "…, said X."', () => {
    expectAttribution(
      'The bridge will reopen in May, the mayor said.',
      attribution('The bridge will reopen in May', 'the mayor', 'said', 'claim-first'),
    );
    const inverted = attribution('The bridge will reopen in May', 'the mayor', 'said', 'claim-first');
    expectAttribution('The bridge will reopen in May, said the mayor.', {
      ...inverted,
      spans: [inverted.spans[0]!, inverted.spans[2]!, inverted.spans[1]!],
    });
  });

  it('a claim stops before its sentence’s own closing attribution, even one with a long apposition', () => {
    const { spans } = proposals([
      'Officials feared the bridge would close, said Alan Smith, a professor of civil engineering at the state university.',
    ]);
    expect(spans).toEqual([
      'Source Officials {identification=described}',
      'Claim Officials feared the bridge would close {quote_form=indirect}',
      'Cue feared {cue_class=belief}',
      'Claim the bridge would close {quote_form=indirect}',
      'Cue said {cue_class=communication}',
      'Source Alan Smith, a professor of civil engineering at the state university {identification=named}',
    ]);
  });

  it('"The bridge, X said, will reopen": one claim around the parenthetical attribution', () => {
    const { spans, links } = proposals(['The bridge, the mayor said, will reopen in May.']);
    expect(spans).toEqual([
      'Claim The bridge, the mayor said, will reopen in May {quote_form=indirect}',
      'Source the mayor {identification=described}',
      'Cue said {cue_class=communication}',
    ]);
    expect(links).toEqual([
      'attributed_to: The bridge, the mayor said, will reopen in May -> the mayor',
      'has_cue: The bridge, the mayor said, will reopen in May -> said',
    ]);
  });

  it('"according to X, …" and "…, according to X"', () => {
    expectAttribution(
      'According to the mayor, the bridge will reopen in May.',
      attribution('the bridge will reopen in May', 'the mayor', 'According to', 'cue-first'),
    );
    const after = attribution('The bridge will reopen in May', 'the mayor', 'according to', 'claim-first');
    expectAttribution('The bridge will reopen in May, according to the mayor.', {
      ...after,
      spans: [after.spans[0]!, after.spans[2]!, after.spans[1]!],
    });
  });

  it('"When X said …" is a report too (a subordinate clause, not a question)', () => {
    expectAttribution(
      'When the mayor said the bridge was safe, traffic returned.',
      attribution('the bridge was safe, traffic returned', 'the mayor', 'said', 'source-first'),
    );
  });

  it('"X told reporters …": the object between the verb and what it reports is neither source nor claim', () => {
    expectAttribution(
      'The mayor told reporters the bridge would reopen in May.',
      attribution('the bridge would reopen in May', 'The mayor', 'told', 'source-first'),
    );
  });

  it('reporting verbs in any form, each with its cue class', () => {
    const cases: Array<[string, string, string, string]> = [
      ['The mayor warned that the bridge would stay closed.', 'the bridge would stay closed', 'warned', 'communication'],
      ['Engineers argued that the bridge was unsafe.', 'the bridge was unsafe', 'argued', 'communication'],
      ['The ministry denied that the bridge was unsafe.', 'the bridge was unsafe', 'denied', 'communication'],
      ['The mayor insisted the bridge was safe.', 'the bridge was safe', 'insisted', 'communication'],
      ['The mayor noted that traffic had doubled.', 'traffic had doubled', 'noted', 'communication'],
      ['The mayor believes the bridge is safe.', 'the bridge is safe', 'believes', 'belief'],
      ['Residents fear the bridge will collapse.', 'the bridge will collapse', 'fear', 'belief'],
      ['The mayor wants to reopen the bridge in May.', 'to reopen the bridge in May', 'wants', 'belief'],
      ['The inspection found that the bridge was safe.', 'the bridge was safe', 'found', 'factive'],
    ];
    for (const [text, claim, cue, cueClass] of cases) {
      const source = text.slice(0, text.indexOf(` ${cue}`));
      expectAttribution(text, attribution(claim, source, cue, 'source-first', 'indirect', cueClass));
    }
  });

  it('a passive with its agent: "it was reported by X that …"', () => {
    const expected = attribution('the bridge would close', 'the Tribune', 'reported', 'cue-first', 'indirect', 'communication', 'named');
    expectAttribution('It was reported by the Tribune that the bridge would close.', expected);
    expect(proposals(['It was reported by the Tribune that the bridge would close.'], { disabled: ['passive-by'] }).spans).toEqual([]);
  });

  it('"In a new poll, …": the poll is the source; "X is expected to …": a claim no one is named for', () => {
    const poll = proposals(['In a new CNN poll, Clinton leads by ten points.']);
    expect(poll.spans).toEqual([
      'Cue In {cue_class=communication}',
      'Source a new CNN poll {identification=named}',
      'Claim Clinton leads by ten points {quote_form=indirect}',
    ]);
    expect(poll.links).toEqual(['attributed_to: Clinton leads by ten points -> a new CNN poll', 'has_cue: Clinton leads by ten points -> In']);
    expect(proposals(['In a few words, Clinton thanked her staff.']).spans).toEqual([]);
    const expected = proposals(['Trump is expected to win the primary.']);
    expect(expected.spans).toEqual(['Claim Trump is expected to win the primary {quote_form=indirect}', 'Cue is expected {cue_class=belief}']);
    expect(expected.links).toEqual(['has_cue: Trump is expected to win the primary -> is expected']);
    expect(proposals(['Trump was expected.']).spans).toEqual([]);
  });

  it('a verb that shares the sentence’s subject: "… and said …", "…, saying …"', () => {
    expectAttribution(
      'The mayor visited the site and said the bridge was safe.',
      attribution('the bridge was safe', 'The mayor', 'said', 'source-first'),
    );
    const { spans, links } = proposals(['The mayor defended the plan, saying the bridge was safe.']);
    expect(spans).toEqual([
      'Source The mayor {identification=described}',
      'Cue defended {cue_class=communication}',
      'Claim the plan {quote_form=indirect}',
      'Cue saying {cue_class=communication}',
      'Claim the bridge was safe {quote_form=indirect}',
    ]);
    expect(links).toEqual([
      'attributed_to: the plan -> The mayor',
      'has_cue: the plan -> defended',
      'attributed_to: the bridge was safe -> The mayor',
      'has_cue: the bridge was safe -> saying',
    ]);
  });

  it('", saying …" after another attribution takes its source: "Hill told a rally, saying …"', () => {
    const { spans, links } = proposals(['“We are close,” Hill told a rally in Seoul, saying the talks would resume.']);
    expect(spans).toEqual([
      'Claim “We are close,” {quote_form=direct}',
      'Source Hill {identification=named}',
      'Cue told {cue_class=communication}',
      'Cue saying {cue_class=communication}',
      'Claim the talks would resume {quote_form=indirect}',
    ]);
    expect(links).toEqual([
      'attributed_to: “We are close,” -> Hill',
      'has_cue: “We are close,” -> told',
      'attributed_to: the talks would resume -> Hill',
      'has_cue: the talks would resume -> saying',
    ]);
  });

  it('"X called Y a Z" names when a name or pronoun does the calling; "a group called X" does not', () => {
    expect(proposals(['Hill called the plan a serious mistake.']).spans).toEqual([
      'Source Hill {identification=named}',
      'Cue called {cue_class=communication}',
      'Claim the plan a serious mistake {quote_form=indirect}',
    ]);
    expect(proposals(['A new group called Citizens for Roads met on Monday.']).spans).toEqual([]);
  });

  it('mixed speech: an indirect claim that quotes in part', () => {
    expectAttribution(
      'The mayor said the bridge was “perfectly safe” for trucks.',
      attribution('the bridge was “perfectly safe” for trucks', 'The mayor', 'said', 'source-first', 'mixed'),
    );
  });

  it('"X said: “…”" takes the quotation as its claim', () => {
    expectAttribution('The mayor said: “The bridge is safe.”', attribution('“The bridge is safe.”', 'The mayor', 'said', 'source-first', 'direct'));
  });

  it('"appear" and "seem" report only with a complement: "appears to favor", not "cracks were appearing"', () => {
    expectAttribution(
      'The mayor appears to favor the plan.',
      attribution('to favor the plan', 'The mayor', 'appears', 'source-first', 'indirect', 'belief'),
    );
    // The sentence of samples/us-envoy-arrives-in-japan.txt where the screenshot showed "cracks" and "appearing" proposed.
    const envoy =
      "A top U.S. envoy arrived in Tokyo on Sunday to rally a united international front against North Korea's recent missile tests, but cracks were already appearing over a Japanese proposal to slap sanctions against the communist state.";
    expect(proposals(['Envoy in Tokyo', envoy]).spans).toEqual([]);
  });

  it('no claim where nothing is reported: "the said agreement", a question, a noun that looks like a verb', () => {
    expect(proposals(['The said agreement was signed in 2004.']).spans).toEqual([]);
    expect(proposals(['It is unclear what they want from the talks.']).spans).toEqual([]);
    expect(proposals(['His remarks on the bridge drew crowds to the state capital.']).spans).toEqual([]);
  });

  it("the workspace lexicon's cue phrases are cues (rule 'lexicon'), and its source names are subjects", () => {
    const lexicon = { cues: ['let slip'], sources: ['e-commerce group alibaba'] };
    const { spans, set } = proposals(['The market will recover, e-commerce group Alibaba let slip.'], { lexicon });
    expect(spans).toEqual([
      'Claim The market will recover {quote_form=indirect}',
      'Source e-commerce group Alibaba {identification=named}',
      'Cue let slip {cue_class=communication}',
    ]);
    expect(set.suggestions.map((s) => s.rule)).toEqual(['lexicon', 'lexicon', 'lexicon']);
    expect(proposals(['The market will recover, e-commerce group Alibaba let slip.']).spans).toEqual([]);
    expect(proposals(['The market will recover, e-commerce group Alibaba let slip.'], { lexicon, disabled: ['lexicon'] }).spans).toEqual([]);
  });

  it("a headline's 'Name: what they said', and its Title Case verbs; not a rubric, not a colon in body text", () => {
    const colon = proposals(['Hill: Talks Will Resume on Monday', 'The envoy spoke in Seoul.']);
    expect(colon.spans).toEqual([
      'Source Hill {identification=named}',
      'Cue : {cue_class=communication}',
      'Claim Talks Will Resume on Monday {quote_form=indirect}',
    ]);
    expect(colon.links).toEqual(['attributed_to: Talks Will Resume on Monday -> Hill', 'has_cue: Talks Will Resume on Monday -> :']);
    expect(proposals(['Rubio Thinks Biden Was a Really Effective Senator', 'The senator spoke in Iowa.']).spans).toEqual([
      'Source Rubio {identification=named}',
      'Cue Thinks {cue_class=belief}',
      'Claim Biden Was a Really Effective Senator {quote_form=indirect}',
    ]);
    expect(proposals(['The Latest: Talks Resume in Seoul', 'The envoy spoke.']).spans).toEqual([]);
    expect(proposals(['The envoy spoke.', 'Hill: Talks Will Resume on Monday and Tuesday, and then again next week.']).spans).toEqual([]);
    expect(proposals(['Hill: Talks Will Resume on Monday', 'The envoy spoke in Seoul.'], { disabled: ['headline'] }).spans).toEqual([]);
  });

  it('every rule a span names is listed in RULES, with one sentence', () => {
    const { set } = proposals([
      '“We will not back down,” said Christopher Hill, the top U.S. envoy.',
      'He said the talks would resume, according to officials.',
    ]);
    for (const s of set.suggestions) expect(Object.keys(RULES)).toContain(s.rule);
    for (const sentence of Object.values(RULES)) expect(sentence.length).toBeGreaterThan(20);
  });
});

import { describe, expect, it } from 'vitest';
import { proposals } from './engine-helpers';

/** Constructions the engine once misread (#15): each test failed before its fix. */
describe('suggestion engine: misreadings', () => {
  it('a time expression right after the verb is never an inverted source; the subject before it is the source', () => {
    const { spans, links } = proposals([
      "Japan, which sits within easy range of North Korean missiles, said Sunday it won't compromise on the U.N. resolution.",
    ]);
    expect(spans).toEqual([
      'Source Japan, which sits within easy range of North Korean missiles {identification=named}',
      'Cue said {cue_class=communication}',
      "Claim it won't compromise on the U.N. resolution {quote_form=indirect}",
    ]);
    expect(links).toEqual([
      "attributed_to: it won't compromise on the U.N. resolution -> Japan, which sits within easy range of North Korean missiles",
      "has_cue: it won't compromise on the U.N. resolution -> said",
    ]);
    for (const time of ['on Monday', 'Tuesday night', 'last week', 'yesterday', 'in a statement']) {
      expect(proposals([`Japan, a close ally, said ${time} that it would not compromise.`]).spans, time).toEqual([
        'Source Japan, a close ally {identification=named}',
        'Cue said {cue_class=communication}',
        'Claim it would not compromise {quote_form=indirect}',
      ]);
    }
    // Nor does a source after an inverted verb take the time after it in.
    expect(proposals(['"We will not compromise," said Japan on Sunday.']).spans[2]).toBe('Source Japan {identification=named}');
    expect(proposals(['The plan would help farmers, said Sen. John Smith on Monday.']).spans[2]).toBe(
      'Source Sen. John Smith {identification=named}',
    );
    expect(proposals(['Japan said on Monday it would not compromise.']).spans).toEqual([
      'Source Japan {identification=named}',
      'Cue said {cue_class=communication}',
      'Claim it would not compromise {quote_form=indirect}',
    ]);
  });

  it('"told <object>." is no claim: its claim is the quotation opening the next sentence, or none', () => {
    const quoted = proposals(['Foreign Minister Taro Aso told national broadcaster NHK. "We can\'t alter our stance."']);
    expect(quoted.spans).toEqual([
      'Source Foreign Minister Taro Aso {identification=named}',
      'Cue told {cue_class=communication}',
      'Claim "We can\'t alter our stance." {quote_form=direct}',
    ]);
    expect(quoted.links).toEqual([
      'attributed_to: "We can\'t alter our stance." -> Foreign Minister Taro Aso',
      'has_cue: "We can\'t alter our stance." -> told',
    ]);
    // After an opening phrase, and after an earlier attribution whose claim must not run on over "told NHK." to the quotation.
    expect(proposals(['In Tokyo, Foreign Minister Taro Aso told national broadcaster NHK. "We can\'t alter our stance."']).spans).toEqual(
      quoted.spans,
    );
    const after = proposals(['Finance Minister Taro Aso said the plan was sound. Aso told national broadcaster NHK. "We can\'t alter our stance."']);
    expect(after.spans).toEqual([
      'Source Finance Minister Taro Aso {identification=named}',
      'Cue said {cue_class=communication}',
      'Claim the plan was sound {quote_form=indirect}',
      'Source Aso {identification=named}',
      'Cue told {cue_class=communication}',
      'Claim "We can\'t alter our stance." {quote_form=direct}',
    ]);
    // "told" is never inverted: the phrase after it is its object, not its source.
    const inverted = proposals(['Prime Minister Shinzo Abe, speaking in Tokyo, told national broadcaster NHK. "We can\'t alter our stance."']);
    expect(inverted.spans.filter((s) => s.includes('NHK'))).toEqual([]);
    expect(proposals(['Aso told national broadcaster NHK. Talks resume on Monday.']).spans).toEqual([]);
  });

  it('"asked not to be named", "declined to be identified", "spoke on condition of anonymity" mark an anonymous source, not a cue', () => {
    const { spans, links } = proposals([
      'A person who asked not to be named because the talks are private said that two gas-fired plants would close.',
    ]);
    expect(spans).toEqual([
      'Source A person who asked not to be named because the talks are private {identification=anonymous}',
      'Cue said {cue_class=communication}',
      'Claim two gas-fired plants would close {quote_form=indirect}',
    ]);
    expect(links).toEqual([
      'attributed_to: two gas-fired plants would close -> A person who asked not to be named because the talks are private',
      'has_cue: two gas-fired plants would close -> said',
    ]);
    expect(proposals(['An official who declined to be identified said the plan was dead.']).spans).toEqual([
      'Source An official who declined to be identified {identification=anonymous}',
      'Cue said {cue_class=communication}',
      'Claim the plan was dead {quote_form=indirect}',
    ]);
    expect(proposals(['A diplomat who spoke on condition of anonymity said the talks had stalled.']).spans).toEqual([
      'Source A diplomat who spoke on condition of anonymity {identification=anonymous}',
      'Cue said {cue_class=communication}',
      'Claim the talks had stalled {quote_form=indirect}',
    ]);
  });

  it('a past participle used as an adjective after a noun is no cue ("transformers already stressed by"); the verb with a clause still is', () => {
    expect(proposals(['The grid relies on transformers already stressed by the heat wave that hit the region.']).spans).toEqual([]);
    expect(proposals(['Voters worried about the economy turned out in large numbers.']).spans).toEqual([]);
    expect(proposals(['Officials alarmed by the figures met on Monday.']).spans).toEqual([]);
    expect(proposals(['Analysts stressed that the plan would fail.']).spans).toEqual([
      'Source Analysts {identification=described}',
      'Cue stressed {cue_class=communication}',
      'Claim the plan would fail {quote_form=indirect}',
    ]);
    expect(proposals(['Officials worried that the plan would fail.']).spans[1]).toBe('Cue worried {cue_class=belief}');
  });
});

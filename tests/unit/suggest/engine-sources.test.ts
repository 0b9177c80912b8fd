import { describe, expect, it } from 'vitest';
import { proposals } from './engine-helpers';

/** The source of a claim (#15): titles and appositions, descriptions, anonymous sources, pronouns with their coreference. */
describe('suggestion engine: sources', () => {
  it('a name with its apposition between commas, as one named source', () => {
    const { spans, links, set } = proposals(['Christopher Hill, the top U.S. envoy, said the talks would resume.']);
    expect(spans).toEqual([
      'Source Christopher Hill, the top U.S. envoy {identification=named}',
      'Cue said {cue_class=communication}',
      'Claim the talks would resume {quote_form=indirect}',
    ]);
    expect(links).toEqual([
      'attributed_to: the talks would resume -> Christopher Hill, the top U.S. envoy',
      'has_cue: the talks would resume -> said',
    ]);
    expect(set.suggestions[0]!.rule).toBe('apposition');
    expect(proposals(['Christopher Hill, the top U.S. envoy, said the talks would resume.'], { disabled: ['apposition'] }).spans[0]).toBe(
      'Source Christopher Hill {identification=named}',
    );
  });

  it('", however," between a subject and its verb is no apposition', () => {
    expect(proposals(['Song Min-soon, the security adviser, however, told reporters that Seoul was not convinced.']).spans[0]).toBe(
      'Source Song Min-soon, the security adviser {identification=named}',
    );
    expect(proposals(['Smith, however, said the plan would fail.']).spans[0]).toBe('Source Smith {identification=named}');
  });

  it('an apposition between dashes', () => {
    expect(proposals(['Jason Sims — a teacher from Mount Pleasant — says he voted late.']).spans).toEqual([
      'Source Jason Sims — a teacher from Mount Pleasant {identification=named}',
      'Cue says {cue_class=communication}',
      'Claim he voted late {quote_form=indirect}',
    ]);
  });

  it('a title before the name, and a description with its complement, are part of the source', () => {
    expect(proposals(['Sen. Lindsey Graham said the talks would resume.']).spans[0]).toBe('Source Sen. Lindsey Graham {identification=named}');
    expect(proposals(['A spokesman for the ministry said the talks would resume.']).spans[0]).toBe(
      'Source A spokesman for the ministry {identification=described}',
    );
    expect(proposals(['Officials said the talks would resume.']).spans[0]).toBe('Source Officials {identification=described}');
  });

  it('a plural possessive is part of the source: "Bernie Sanders’ campaign says"', () => {
    expect(proposals(['Bernie Sanders’ campaign says it raised more than it spent.']).spans).toEqual([
      'Source Bernie Sanders’ campaign {identification=named}',
      'Cue says {cue_class=communication}',
      'Claim it raised more than it spent {quote_form=indirect}',
    ]);
  });

  it('an anonymous source: "a person familiar with the talks"', () => {
    const { spans, links, set } = proposals(['The talks will resume, a person familiar with the talks said.']);
    expect(spans).toEqual([
      'Claim The talks will resume {quote_form=indirect}',
      'Source a person familiar with the talks {identification=anonymous}',
      'Cue said {cue_class=communication}',
    ]);
    expect(links).toEqual(['attributed_to: The talks will resume -> a person familiar with the talks', 'has_cue: The talks will resume -> said']);
    expect(set.suggestions[1]!.rule).toBe('anonymous-source');
    // Switched off, the claim and cue stay, without the anonymous source.
    expect(proposals(['The talks will resume, a person familiar with the talks said.'], { disabled: ['anonymous-source'] }).spans).toEqual([
      'Claim The talks will resume {quote_form=indirect}',
      'Cue said {cue_class=communication}',
    ]);
  });

  it('"he said": a pronoun source linked by coref to the nearest named source before it', () => {
    const { spans, links } = proposals(['Hill said the envoys were tired. Later he said the talks would resume.']);
    expect(spans).toEqual([
      'Source Hill {identification=named}',
      'Cue said {cue_class=communication}',
      'Claim the envoys were tired {quote_form=indirect}',
      'Source he {identification=pronoun}',
      'Cue said {cue_class=communication}',
      'Claim the talks would resume {quote_form=indirect}',
    ]);
    expect(links).toEqual([
      'attributed_to: the envoys were tired -> Hill',
      'has_cue: the envoys were tired -> said',
      'attributed_to: the talks would resume -> he',
      'has_cue: the talks would resume -> said',
      'coref: he -> Hill',
    ]);
  });

  it('a pronoun whose person is named but not a source yet: the name is proposed as a source too', () => {
    const { spans, links, set } = proposals(['Christopher Hill arrived in Seoul on Monday.', 'He said the talks would resume.']);
    expect(spans).toEqual([
      'Source Christopher Hill {identification=named}',
      'Source He {identification=pronoun}',
      'Cue said {cue_class=communication}',
      'Claim the talks would resume {quote_form=indirect}',
    ]);
    expect(links).toContain('coref: He -> Christopher Hill');
    expect(set.suggestions[0]!.rule).toBe('pronoun-coref');
    expect(
      proposals(['Christopher Hill arrived in Seoul on Monday.', 'He said the talks would resume.'], { disabled: ['pronoun-coref'] }).links,
    ).not.toContain('coref: He -> Christopher Hill');
  });

  it('"he" is never linked to an organisation', () => {
    const { links } = proposals(['The State Department said the talks were over. He said the talks would resume.']);
    expect(links.filter((l) => l.startsWith('coref'))).toEqual([]);
  });

  it('"a bill, which critics said was flawed": the subject of an object relative clause is its source', () => {
    const { spans, links } = proposals(['The bill, which critics said was flawed, passed.']);
    expect(spans).toEqual([
      'Claim which critics said was flawed {quote_form=indirect}',
      'Source critics {identification=described}',
      'Cue said {cue_class=communication}',
    ]);
    expect(links).toEqual(['attributed_to: which critics said was flawed -> critics', 'has_cue: which critics said was flawed -> said']);
  });

  it('a relative pronoun is the source of its clause: "…, who said …"', () => {
    const { spans } = proposals(['The talks were led by the envoy, who said they would resume.']);
    expect(spans).toEqual([
      'Source who {identification=pronoun}',
      'Cue said {cue_class=communication}',
      'Claim they would resume {quote_form=indirect}',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { proposals } from './engine-helpers';

/** Direct quotations in every style (#15): each a direct claim, with the source and cue of the clause that introduces it. */
describe('suggestion engine: quotations', () => {
  it('a curly quotation followed by "said X, apposition"', () => {
    const { spans, links } = proposals(['“We will not back down,” said Christopher Hill, the top U.S. envoy.']);
    expect(spans).toEqual([
      'Claim “We will not back down,” {quote_form=direct}',
      'Cue said {cue_class=communication}',
      'Source Christopher Hill, the top U.S. envoy {identification=named}',
    ]);
    expect(links).toEqual([
      'attributed_to: “We will not back down,” -> Christopher Hill, the top U.S. envoy',
      'has_cue: “We will not back down,” -> said',
    ]);
  });

  it('after a closing mark, "said X" is the attribution whatever follows X ("during the debate", "who…")', () => {
    const { spans, links } = proposals(['“We will win,” said former executive Carly Fiorina during the second debate.']);
    expect(spans).toEqual([
      'Claim “We will win,” {quote_form=direct}',
      'Cue said {cue_class=communication}',
      'Source former executive Carly Fiorina {identification=named}',
    ]);
    expect(links).toEqual(['attributed_to: “We will win,” -> former executive Carly Fiorina', 'has_cue: “We will win,” -> said']);
    expect(proposals(['“India has more pull,” says political scientist Dossym Satpayev.']).spans).toEqual([
      'Claim “India has more pull,” {quote_form=direct}',
      'Cue says {cue_class=communication}',
      'Source political scientist Dossym Satpayev {identification=named}',
    ]);
  });

  it('straight quotes, « », „ “, top-level single quotes and doubled apostrophes', () => {
    for (const [open, close] of [
      ['"', '"'],
      ['«', '»'],
      ['„', '“'],
      ['‘', '’'],
      ["''", "''"],
    ]) {
      const { spans, links } = proposals([`${open}We will stay,${close} the minister said.`]);
      expect(spans).toEqual([
        `Claim ${open}We will stay,${close} {quote_form=direct}`,
        'Source the minister {identification=described}',
        'Cue said {cue_class=communication}',
      ]);
      expect(links).toEqual([`attributed_to: ${open}We will stay,${close} -> the minister`, `has_cue: ${open}We will stay,${close} -> said`]);
    }
  });

  it('single quotes inside double quotes stay inside the one quotation', () => {
    const { spans } = proposals(['“He told me ‘never again’ and walked out,” Hill said.']);
    expect(spans).toEqual([
      'Claim “He told me ‘never again’ and walked out,” {quote_form=direct}',
      'Source Hill {identification=named}',
      'Cue said {cue_class=communication}',
    ]);
  });

  it('apostrophes (don’t, the ’90s, D’Souza’s, the workers’ union) are never quotation marks', () => {
    expect(proposals(['“We don’t think the ’90s will return,” said Hill.']).spans[0]).toBe(
      'Claim “We don’t think the ’90s will return,” {quote_form=direct}',
    );
    expect(proposals(['D’Souza’s book sold well in the ’90s, and the workers’ union read it twice.']).spans).toEqual([]);
  });

  it('a quotation over several paragraphs, each reopening it without closing the previous one, is one claim', () => {
    const { spans, links, set } = proposals(['Hill said: “The first part of the plan is done.', '“The second part starts on Monday.”']);
    const quotation = 'Claim “The first part of the plan is done.\n\n“The second part starts on Monday.” {quote_form=direct}';
    expect(spans).toEqual(['Source Hill {identification=named}', 'Cue said {cue_class=communication}', quotation]);
    expect(links).toEqual([
      'attributed_to: “The first part of the plan is done.\n\n“The second part starts on Monday.” -> Hill',
      'has_cue: “The first part of the plan is done.\n\n“The second part starts on Monday.” -> said',
    ]);
    expect(set.suggestions.find((s) => s.label === 'Claim')!.rule).toBe('multi-paragraph-quote');
    // Switched off, each paragraph's quotation ends with its paragraph: two claims, the second without source.
    const apart = proposals(['Hill said: “The first part of the plan is done.', '“The second part starts on Monday.”'], {
      disabled: ['multi-paragraph-quote'],
    });
    expect(apart.spans).toEqual([
      'Source Hill {identification=named}',
      'Cue said {cue_class=communication}',
      'Claim “The first part of the plan is done. {quote_form=direct}',
      'Claim “The second part starts on Monday.” {quote_form=direct}',
    ]);
    expect(apart.links).toEqual([
      'attributed_to: “The first part of the plan is done. -> Hill',
      'has_cue: “The first part of the plan is done. -> said',
    ]);
  });

  it('a quotation broken by its attribution, or resumed after it in the same paragraph, is one claim', () => {
    for (const text of ['“Part one is done,” he said, “and part two starts now.”', '“Part one is done,” he said. “Part two starts now.”']) {
      const { spans, links } = proposals([text]);
      expect(spans).toEqual([`Claim ${text} {quote_form=direct}`, 'Source he {identification=pronoun}', 'Cue said {cue_class=communication}']);
      expect(links).toEqual([`attributed_to: ${text} -> he`, `has_cue: ${text} -> said`]);
    }
  });

  it('a straight opening quote closed by a curly one, or a curly one closed by an opening mark (scraped news mixes them), is one quotation', () => {
    for (const quotation of ['"We will stay,”', '“We will stay,“']) {
      expect(proposals([`${quotation} the minister said.`]).spans).toEqual([
        `Claim ${quotation} {quote_form=direct}`,
        'Source the minister {identification=described}',
        'Cue said {cue_class=communication}',
      ]);
    }
  });

  it('"X said:" ending a paragraph introduces the quotation that opens the next one', () => {
    const { spans, links } = proposals(['The minister said:', '“We will stay until the work is done.”']);
    expect(spans).toEqual([
      'Source The minister {identification=described}',
      'Cue said {cue_class=communication}',
      'Claim “We will stay until the work is done.” {quote_form=direct}',
    ]);
    expect(links).toEqual([
      'attributed_to: “We will stay until the work is done.” -> The minister',
      'has_cue: “We will stay until the work is done.” -> said',
    ]);
  });

  it('a quotation without any attribution nearby is still a direct claim, without source or cue', () => {
    const { spans, links } = proposals(['“The talks are over and nobody won.”']);
    expect(spans).toEqual(['Claim “The talks are over and nobody won.” {quote_form=direct}']);
    expect(links).toEqual([]);
  });

  it('scare quotes and titles of works are not claims', () => {
    expect(proposals(['The so-called “deal” was never signed.']).spans).toEqual([]);
    expect(proposals(['His new book, “Stealing Home Plate,” is out now.']).spans).toEqual([]);
  });

  it('with direct-quote switched off, no quotation is proposed', () => {
    expect(proposals(['“We will not back down,” said Hill.', '“The talks are over and nobody won.”'], { disabled: ['direct-quote'] }).spans).toEqual(
      [],
    );
  });
});

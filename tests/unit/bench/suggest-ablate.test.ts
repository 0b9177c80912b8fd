/** The suggestions bench's ablation: a rule switched off loses what it found, and the table shows gains, largest first. */
import { describe, expect, it } from 'vitest';
import { ablate, engineRules, formatAblation } from '../../../bench/suggest/ablate';
import { scoreSplit, type LoadedSplit } from '../../../bench/suggest/quality';
import { blocksOfPlainText } from '../../../shared/formats/brat';

// One hand-written article and its gold, in code points (no astral characters: the same as UTF-16 here).
const text = '"Taxes will rise next year," Ann Lee said.\n';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const gold = {
  spans: [
    { label: 'Claim', ...at('"Taxes will rise next year,"') },
    { label: 'Source', ...at('Ann Lee') },
    { label: 'Cue', ...at('said') },
  ],
  links: [
    { type: 'attributed_to', from: 0, to: 1 },
    { type: 'has_cue', from: 0, to: 2 },
  ],
};
const split: LoadedSplit = { name: 'dev', articles: [{ name: 'hand-1', annotator: 'a', text, blocks: blocksOfPlainText(text), gold }] };

describe('ablate', () => {
  it('changes nothing without a rule the engine does not have, and loses what a rule found without it', () => {
    const a = ablate(split, [{ name: 'no-such-rule', about: '' }, ...engineRules()]);
    expect(a.full.span).toBeGreaterThan(0);
    expect(a.rows[0]!.without).toEqual(a.full);
    // Some rule found this quotation: without it, span F1 drops.
    expect(Math.min(...a.rows.map((r) => r.without.span))).toBeLessThan(a.full.span);
  });

  it('covers the engine: with every rule of RULES off, nothing is proposed (so no rule escapes the ablation)', () => {
    const off = scoreSplit(split, new Set(engineRules().map((r) => r.name)));
    expect(off.overlap.spans.all.predicted).toBe(0);
    expect(off.overlap.links.all.predicted).toBe(0);
  });

  it('lists every rule the engine exports, each with what it does', () => {
    const rules = engineRules();
    expect(rules.length).toBeGreaterThan(1);
    expect(rules.every((r) => r.name !== '' && r.about !== '')).toBe(true);
  });
});

describe('formatAblation', () => {
  it('puts the rule that gained most first and signs the gains', () => {
    const table = formatAblation('dev', {
      full: { span: 0.5, link: 0.4 },
      rows: [
        { rule: { name: 'small', about: 'a' }, without: { span: 0.49, link: 0.4 } },
        { rule: { name: 'harmful', about: 'b' }, without: { span: 0.52, link: 0.41 } },
        { rule: { name: 'big', about: 'c' }, without: { span: 0.2, link: 0.1 } },
      ],
    });
    const order = table
      .split('\n')
      .slice(3)
      .map((l) => l.split(' | ')[0]);
    expect(order).toEqual(['| big', '| small', '| harmful']);
    expect(table).toContain('| harmful | 0.520 | −0.020 | 0.410 | −0.010 |');
    expect(table).toContain('| small | 0.490 | +0.010 | 0.400 | 0.000 |');
  });
});

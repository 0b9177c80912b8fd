import { describe, expect, it } from 'vitest';
import { suggest, suggestSteps } from '../../../shared/suggest/engine';
import { WINDOW } from '../../../shared/suggest/rules/sentence-pass';
import { article } from './engine-helpers';

/** The engine in steps (#15): the service runs it with a time slicer, so no step may take a long stretch of text at once. */
describe('suggestion engine: steps', () => {
  const sentence = '“We will not back down,” said Christopher Hill, the top U.S. envoy. The talks, he said, would resume. ';
  // One paragraph of about 200 KB: a block far longer than a window must still be cut into steps.
  const long = sentence.repeat(Math.ceil(200_000 / sentence.length)).trim();

  it('yields at least once per window of text, even inside one very long paragraph', () => {
    const { text, blocks } = article(long);
    let steps = 0;
    const run = suggestSteps({ text, blocks });
    for (let next = run.next(); !next.done; next = run.next()) steps++;
    expect(steps).toBeGreaterThanOrEqual(Math.floor(text.length / WINDOW));
  });

  it('gives the same set in steps as at once, and every sentence its attributions', () => {
    const { text, blocks } = article(long, 'Officials said the talks were over.');
    const run = suggestSteps({ text, blocks });
    let next = run.next();
    while (!next.done) next = run.next();
    const all = suggest({ text, blocks });
    expect(next.value).toEqual(all);
    const count = long.split('said Christopher Hill').length - 1;
    expect(all.suggestions.filter((s) => s.label === 'Cue').length).toBe(count * 2 + 1);
    expect(all.links.filter((l) => l.type === 'attributed_to').length).toBe(count * 2 + 1);
  });
});

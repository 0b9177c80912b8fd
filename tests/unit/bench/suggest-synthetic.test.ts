/** The suggestions speed bench's generated articles: long enough, the same for the same seed, and news-like (quotes and reporting clauses). */
import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../../bench/suggest/synthetic';

describe('syntheticArticle', () => {
  it('is at least the length asked, ends at a paragraph and is the same for the same seed', () => {
    const a = syntheticArticle(5_000, 1);
    expect(a.text.length).toBeGreaterThanOrEqual(5_000);
    expect(a.text.endsWith('\n')).toBe(true);
    expect(syntheticArticle(5_000, 1)).toEqual(a);
    expect(syntheticArticle(5_000, 2).text).not.toBe(a.text);
  });

  it('has paragraphs, straight and curly quotations and reporting clauses', () => {
    const { text, blocks } = syntheticArticle(20_000, 3);
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.every((b) => !text.slice(b.start, b.end).includes('\n\n'))).toBe(true);
    expect(text).toMatch(/"[^"]+," [A-Z]\w+ [A-Z]\w+ said\./);
    expect(text).toMatch(/“[^”]+,” said [A-Z]/);
    expect(text).toMatch(/According to \w+/);
  });
});

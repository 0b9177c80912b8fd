import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../../electron/services/importers/limit-nesting';

describe('limitNesting', () => {
  it('leaves ordinary pages untouched', async () => {
    const html = '<html><head></head><body><article><h1>T</h1><div><p>One</p></div></article></body></html>';
    expect(await limitNesting(html)).toBe(html);
  });

  it('flattens subtrees below the limit to their text blocks, in order', async () => {
    const deep = '<div>'.repeat(300) + '<p>First <b>bold</b> words.</p><span>loose text</span><h2>Sub</h2>' + '</div>'.repeat(300);
    const out = await limitNesting(`<html><body>${deep}<p>After</p></body></html>`, 50);
    expect(out).toContain('<p>First bold words.</p>loose text<h2>Sub</h2>');
    expect(out.indexOf('Sub')).toBeLessThan(out.indexOf('After'));
    expect((out.match(/<div>/g) ?? []).length).toBeLessThanOrEqual(50);
  });
});

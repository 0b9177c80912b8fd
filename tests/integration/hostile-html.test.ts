/**
 * Hostile HTML articles (scripts, event handlers, javascript:/data: URLs, SVG and MathML
 * payloads, iframes, forms, CSS expressions, meta refresh, deep nesting, mutation XSS):
 * each imports as plain text and blocks, the article text survives, and nothing executable
 * or markup-like reaches the stored document. Two layers keep it so, and each has a case here
 * that only it stops: DOMPurify (raw-text elements whose content is markup, which a walker
 * reading text nodes would copy as text) and the walker's skipped tags (captions and fallback
 * content that DOMPurify keeps but that are not the story).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../electron/services/importers';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.html'));
const EXECUTABLE = /<\s*script|javascript:|onerror\s*=|onload\s*=|alert\(|<\s*iframe|<\s*svg|expression\(/i;
const FIRST = 'The mayor said the bridge would reopen in May, according to a city statement released on Friday.';
const SECOND = 'Engineers told reporters that inspections found no structural damage after the storm.';

/** A page whose article holds `inner` between its two paragraphs. */
const page = (inner: string) =>
  `<html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen</h1><p>${FIRST}</p>${inner}<p>${SECOND}</p></article></body></html>`;
const importPage = (html: string) => importArticle('page.html', new TextEncoder().encode(html));

describe('hostile HTML articles', () => {
  it('has a corpus of at least a dozen attacks', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FILES)('%s imports as inert text with the article kept', async (name) => {
    const article = await importArticle(name, new Uint8Array(readFileSync(join(DIR, name))));
    expect(article.title).toBe('Bridge to reopen');
    expect(article.text).toContain(FIRST.slice(0, 45));
    expect(article.text).toContain('inspections found no structural damage');
    // The corpus's articles have no angle brackets: any in the text came from markup.
    expect(article.text).not.toMatch(/[<>]/);
    expect(article.text).not.toMatch(EXECUTABLE);
    expect(JSON.stringify(article.meta)).not.toMatch(EXECUTABLE);
    for (const b of article.blocks) expect(b.end).toBeLessThanOrEqual(article.text.length);
  });

  // Raw-text elements keep their content as one text node, markup and all: only the sanitiser
  // (which drops them with their content) stands between that markup and the stored text.
  it.each([
    ['xmp', '<p>Before <xmp><img src=x onerror=alert(1)></xmp> after.</p>'],
    ['noembed', '<p>Before <noembed><img src=x onerror=alert(2)></noembed> after.</p>'],
    ['noframes', '<p>Before <noframes><img src=x onerror=alert(3)></noframes> after.</p>'],
    ['title in the body', '<p>Before <title>&lt;img src=x onerror=alert(4)&gt;</title> after.</p>'],
  ])('the sanitiser drops markup held as text by %s', async (_name, inner) => {
    const article = await importPage(page(inner));
    expect(article.text).toContain(FIRST);
    expect(article.text).toContain(SECOND);
    expect(article.text).toMatch(/Before\s+after\./);
    expect(article.text).not.toMatch(/[<>]|onerror|alert/);
  });

  // DOMPurify keeps these (they are harmless markup), but they are not the story's text.
  it.each([
    ['figcaption', '<figure><img src=x alt="A bridge"><figcaption>Photo credit: City Agency</figcaption></figure>', 'Photo credit'],
    ['canvas fallback', '<p>Before <canvas>Your browser cannot draw this chart</canvas> after.</p>', 'cannot draw'],
  ])('the walker leaves out %s', async (_name, inner, unwanted) => {
    const article = await importPage(page(inner));
    expect(article.text).toContain(FIRST);
    expect(article.text).toContain(SECOND);
    expect(article.text).not.toContain(unwanted);
  });
});

/**
 * Properties of `importArticle` on arbitrary input: it either returns an article that
 * satisfies the block invariants, or rejects with an ImportError naming the file; nothing else
 * ever escapes. HTML runs fewer cases because every run builds a jsdom document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importArticle } from '../../../electron/services/importers';
import { blockInvariantViolations } from './article-invariants';

/** Pieces that exercise the structure each format cares about, mixed with arbitrary text. */
const FRAGMENTS = [
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\ud800',
  '> ',
  '>>',
  '# ',
  '## ',
  '===',
  '---\n',
  '---\ntitle: x\n---\n',
  '- ',
  '1. ',
  '```\n',
  '    ',
  '|a|b|\n|-|-|\n',
  '*',
  '_',
  '`',
  '[a](b)',
  '![i](p.png)',
  '\\',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  '<br>',
  '<p>',
  '</p>',
  '<h1>',
  '</h1>',
  '<h2>x</h2>',
  '<blockquote>',
  '<li>',
  '<pre>',
  '<br/>',
  '<div class="share">',
  '<script>',
  '</script>',
  '<style>a{',
  '</style>',
  '<nav>',
  '<article>',
  '<title>t</title>',
  '<table><tr><td>',
  'e\u0301',
  '👩‍⚕️',
  '🇯🇵',
  '中文',
  'עברית',
  'The minister said "no".',
];

const sourceText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 })), { maxLength: 60 }).map((parts) => parts.join('')),
);
const sourceBytes = fc.oneof(
  sourceText.map((text) => new TextEncoder().encode(text)),
  fc.uint8Array({ maxLength: 600 }),
);

/** Imports and checks the outcome; returns nothing so fast-check treats any throw as a failure. */
async function checkImport(name: string, bytes: Uint8Array): Promise<void> {
  let article;
  try {
    article = await importArticle(name, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toContain(name);
    return;
  }
  expect(blockInvariantViolations(article)).toEqual([]);
}

describe('importArticle on arbitrary input', () => {
  it('txt and md: an article that satisfies the invariants, or an ImportError', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('story.txt', 'story.md', 'story.markdown'), sourceBytes, checkImport), { numRuns: 200 });
  });

  it('html: an article that satisfies the invariants, or an ImportError', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('page.html', 'page.htm'), sourceBytes, checkImport), { numRuns: 60 });
  }, 60_000);
});

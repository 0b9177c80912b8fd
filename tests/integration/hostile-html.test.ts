/**
 * Hostile HTML articles (scripts, event handlers, javascript:/data: URLs, SVG and MathML
 * payloads, iframes, forms, CSS expressions, meta refresh, deep nesting, mutation XSS):
 * each imports as plain text and blocks, the article text survives, and nothing executable
 * or markup-like reaches the stored document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../electron/services/importers';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.html'));
const EXECUTABLE = /<\s*script|javascript:|onerror\s*=|onload\s*=|alert\(|<\s*iframe|<\s*svg|expression\(/i;

describe('hostile HTML articles', () => {
  it('has a corpus of at least a dozen attacks', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FILES)('%s imports as inert text with the article kept', async (name) => {
    const article = await importArticle(name, new Uint8Array(readFileSync(join(DIR, name))));
    expect(article.title).toBe('Bridge to reopen');
    expect(article.text).toContain('The mayor said the bridge would reopen in May');
    expect(article.text).toContain('inspections found no structural damage');
    expect(article.text).not.toMatch(EXECUTABLE);
    expect(JSON.stringify(article.meta)).not.toMatch(EXECUTABLE);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

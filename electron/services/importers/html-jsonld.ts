/**
 * The article body a page declares in its schema.org JSON-LD (`articleBody` of an Article,
 * NewsArticle, BlogPosting, ... object, at the top level, in an array or in an `@graph`).
 * Pages rendered by scripts ship an empty body container and the whole text only there.
 * Reads the parsed page; never runs anything. A block that is not valid JSON is skipped.
 */

/** schema.org types whose `articleBody` is the story (Article and its subtypes). */
const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

/**
 * The longest `articleBody` of an article object in the page's JSON-LD blocks.
 * @param document the parsed page, before anything removes its scripts
 * @returns the body text as written (paragraphs usually separated by line breaks), or null
 */
export function jsonLdArticleBody(document: Document): string | null {
  let best: string | null = null;
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    for (const body of articleBodies(parseJson(script.textContent ?? ''))) {
      if (body.trim() !== '' && (best === null || body.length > best.length)) best = body;
    }
  }
  return best;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A broken JSON-LD block is the page's problem, not the import's: the body is still read from the HTML.
    return null;
  }
}

/** The `articleBody` strings of every article object in a JSON-LD value, depth-first. */
function articleBodies(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(articleBodies);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const types = ([] as unknown[]).concat(node['@type'] ?? []);
  const own = types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t)) && typeof node.articleBody === 'string' ? [node.articleBody] : [];
  return [...own, ...articleBodies(node['@graph'] ?? [])];
}

/**
 * The article body a page declares in its schema.org JSON-LD (`articleBody` of an Article,
 * NewsArticle, BlogPosting, ... object, at the top level, in an array or in an `@graph`).
 * Pages rendered by scripts ship an empty body container and the whole text only there.
 * Reads the parsed page; never runs anything. A block that is not valid JSON is skipped.
 */

/** schema.org types whose `articleBody` is the story (Article and its subtypes). */
const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

/** An article object's body and, when it names one, its headline. */
export type DeclaredBody = Readonly<{ body: string; headline: string | null }>;

/**
 * The `articleBody` of every article object in the page's JSON-LD blocks.
 * @param document the parsed page, before anything removes its scripts
 * @returns the bodies with their headlines, in page order; possibly none
 */
export function jsonLdArticleBodies(document: Document): DeclaredBody[] {
  return [...document.querySelectorAll('script[type="application/ld+json" i]')].flatMap((script) =>
    articleBodies(parseJson(script.textContent ?? '')).filter((declared) => declared.body.trim() !== ''),
  );
}

/**
 * The body declared for the page's own story: the longest whose headline is absent or matches
 * the page's (one contains the other, ignoring case and spacing), so that the JSON-LD of a
 * related story listed on the page is never taken for this one.
 * @returns the body text as written (paragraphs usually separated by line breaks), or null
 */
export function declaredBodyFor(declared: readonly DeclaredBody[], headline: string): string | null {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const page = norm(headline);
  const own = declared.filter((d) => d.headline === null || page === '' || norm(d.headline).includes(page) || page.includes(norm(d.headline)));
  return own.reduce<string | null>((best, d) => (best === null || d.body.length > best.length ? d.body : best), null);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A broken JSON-LD block is the page's problem, not the import's: the body is still read from the HTML.
    return null;
  }
}

/** The article objects with a string `articleBody` in a JSON-LD value, depth-first. */
function articleBodies(value: unknown): DeclaredBody[] {
  if (Array.isArray(value)) return value.flatMap(articleBodies);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const types = ([] as unknown[]).concat(node['@type'] ?? []);
  const isArticle = types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  const own =
    isArticle && typeof node.articleBody === 'string'
      ? [{ body: node.articleBody, headline: typeof node.headline === 'string' ? node.headline : null }]
      : [];
  return [...own, ...articleBodies(node['@graph'] ?? [])];
}

/**
 * Pre-cleaning for the HTML importer: removes page chrome from a parsed page before Readability
 * looks for the article, because Readability keeps chrome that sits inside the article
 * container (share bars, newsletter boxes, related links) and, on short articles, retries
 * without its own "unlikely candidate" filter and then keeps sidebars too. It only removes
 * elements; it never rewrites text, and it never removes an element that may hold the story.
 */

/**
 * Removes navigation (Readability keeps a lone <nav> as "the article" when a page has nothing
 * else) and elements whose class or id names them cookie/consent/share/related/comments/
 * newsletter chrome (a newsletter box inside the story body survives Readability otherwise).
 * An element that may hold the story itself is never removed (see holdsArticle).
 * @param document the parsed page; changed in place
 */
export function removeClutter(document: Document): void {
  for (const nav of document.querySelectorAll('nav, [role="navigation"]')) nav.remove();
  const paragraphCount = document.querySelectorAll('p').length;
  for (const element of document.querySelectorAll('[class], [id]')) {
    if (element.isConnected && isClutter(element) && !holdsArticle(element, paragraphCount)) element.remove();
  }
}

const CLUTTER_WORDS = new Set([
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'share',
  'sharing',
  'sharebar',
  'related',
  'comment',
  'comments',
  'newsletter',
  'newsletters',
]);
const ARTICLE_CONTAINER = 'article, main, [itemprop="articleBody"]';
const MIN_STORY_PARAGRAPHS = 3;

function isClutter(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`;
  return names
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .some((word) => CLUTTER_WORDS.has(word));
}

/**
 * Whether an element may wrap the story despite a clutter word in its class (say
 * `class="content has-comments"`): it is or holds an article container, or it holds most of
 * the page's paragraphs and at least a few. A cookie wall with one paragraph is not a story.
 */
function holdsArticle(element: Element, paragraphCount: number): boolean {
  if (['html', 'body', 'main', 'article'].includes(element.localName)) return true;
  if (element.querySelector(ARTICLE_CONTAINER) !== null) return true;
  const held = element.querySelectorAll('p').length;
  return held >= MIN_STORY_PARAGRAPHS && held * 2 > paragraphCount;
}

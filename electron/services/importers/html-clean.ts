/**
 * Pre-cleaning for the HTML importer: removes page chrome from a parsed page before Readability
 * looks for the article, because Readability keeps chrome that sits inside the article
 * container (share bars, newsletter boxes, captions, pull quotes, "read more" boxes) and, on a
 * short article, retries without its own "unlikely candidate" filter and then keeps sidebars too.
 *
 * The rules rest on common CMS markup (class and id words, <aside>, the article header around
 * the <h1>, lists of links), not on any one site. They only empty elements, never rewrite
 * text; they never empty an element that may hold the story (see holdsArticle), a heading, or
 * an element inside a paragraph (a `<span class="date">` in a sentence is the sentence's word).
 */

/**
 * Class/id words that mark chrome, by what it is. Words are matched whole, after splitting
 * class names at "-", "_", "__" and camelCase; a pair of adjacent words also matches joined
 * ("pull-quote" is "pullquote", "also-read" is "alsoread").
 */
const CLUTTER_WORDS = new Set([
  // consent, sharing, comments, sign-up boxes
  ...['cookie', 'cookies', 'consent', 'gdpr', 'share', 'sharing', 'sharebar', 'comment', 'comments'],
  ...['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'paywall', 'cta', 'promo', 'donate', 'feedback'],
  // photo captions and credits (a <figcaption> is skipped anyway)
  ...['caption', 'captions', 'credit', 'photocredit'],
  // pull quotes repeat a sentence of the story
  ...['pullquote', 'pullout'],
  // links to other stories
  ...['related', 'readmore', 'alsoread', 'seealso', 'inread', 'recirc', 'recirculation', 'recommended', 'trending', 'popular', 'mostread'],
  ...['sidebar', 'rail', 'widget', 'breadcrumb', 'breadcrumbs', 'tags'],
  // metadata around the story (Readability finds the byline itself, from rel/itemprop/class)
  ...['standfirst', 'dek', 'kicker', 'date', 'dates', 'timestamp', 'meta', 'metadata'],
  // author boxes below the story
  ...['bio', 'authorbio', 'authorcard', 'authorbox', 'tagline', 'contact'],
  // ads and legal lines
  ...['ad', 'ads', 'advert', 'advertisement', 'sponsor', 'sponsored', 'werbung', 'disclaimer', 'copyright'],
  // embedded posts from social networks
  ...['tweet', 'instagram', 'tiktok'],
]);
/** Class/id words of the block that wraps the headline (kicker, dek, byline, dates). */
const HEADER_WORDS = new Set(['header', 'head', 'hero', 'topper', 'kopf']);
const ARTICLE_CONTAINER = 'article, main, [itemprop="articleBody"]';
const MIN_STORY_PARAGRAPHS = 3;
/** Elements whose inline children are words of running text. */
const TEXT_CONTAINERS = 'p, li, td, th, dt, dd, h1, h2, h3, h4, h5, h6';
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A box whose text is mostly link text is a list of links to elsewhere. */
const LINK_BOX_TAGS = 'ul, ol, div, section, dl';
const MAX_LINK_SHARE = 0.7;
const MIN_BOX_LINKS = 2;

/**
 * Empties the page chrome of a parsed page: navigation (Readability keeps a lone <nav> as "the
 * article" when a page has nothing else), <aside> boxes, the block around the headline, elements
 * whose class or id names them chrome (CLUTTER_WORDS), and boxes that are mostly links.
 * @param document the parsed page; changed in place
 */
export function removeClutter(document: Document): void {
  for (const nav of document.querySelectorAll('nav, [role="navigation"]')) discard(nav);
  const paragraphCount = document.querySelectorAll('p').length;
  const removable = (element: Element): boolean => element.isConnected && !isInText(element) && !holdsArticle(element, paragraphCount);
  for (const element of document.querySelectorAll('aside, header, [class], [id]')) {
    if (!HEADING_TAGS.has(element.localName) && isChrome(element) && removable(element)) discard(element);
  }
  for (const box of document.querySelectorAll(LINK_BOX_TAGS)) {
    if (isLinkBox(box) && removable(box)) discard(box);
  }
}

/**
 * Empties an element rather than removing it: jsdom's remove() costs time linear in the
 * element's siblings, so removing thousands of boxes from one long article was quadratic
 * (13 s for 5,000 link lists among 20,000 paragraphs; emptying them takes 0.2 s). An empty
 * element has no text, which is all that Readability and the block walker read.
 */
function discard(element: Element): void {
  element.replaceChildren();
}

function isChrome(element: Element): boolean {
  if (element.localName === 'aside') return true;
  const words = classWords(element);
  if (words.some((word) => CLUTTER_WORDS.has(word))) return true;
  return (element.localName === 'header' || words.some((word) => HEADER_WORDS.has(word))) && element.querySelector('h1') !== null;
}

/**
 * Words that make the next class word a state of the element, not what it is: a wrapper
 * `has-sidebar`, `with-rail` or `no-ads` holds a page that has (or lacks) a sidebar or ads.
 */
const MODIFIERS = new Set(['has', 'with', 'without', 'no', 'hide']);

/**
 * The words of an element's class and id that say what it is: lowercased, split at "-", "_" and
 * camelCase, each adjacent pair also joined; a word after a modifier ("has-comments") or before
 * "free" ("ad-free") is left out.
 */
function classWords(element: Element): string[] {
  const words = `${element.getAttribute('class') ?? ''} ${element.id}`
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((word) => word !== '');
  const named = words.filter((word, i) => !MODIFIERS.has(words[i - 1] ?? '') && words[i + 1] !== 'free');
  return [...named, ...words.slice(1).map((word, i) => `${words[i]}${word}`)];
}

/** Whether an element sits inside running text (a paragraph, list item, cell or heading). */
function isInText(element: Element): boolean {
  return element.parentElement?.closest(TEXT_CONTAINERS) != null;
}

/** A box of at least two links whose text is mostly link text ("More on this", "Most read"). */
function isLinkBox(box: Element): boolean {
  const links = box.querySelectorAll('a[href]');
  if (links.length < MIN_BOX_LINKS) return false;
  const length = (text: string | null) => (text ?? '').replace(/\s+/g, '').length;
  const total = length(box.textContent);
  const linked = [...links].reduce((sum, link) => sum + length(link.textContent), 0);
  return total > 0 && linked / total >= MAX_LINK_SHARE;
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

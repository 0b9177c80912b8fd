/**
 * HTML importer. Finds the article in a saved web page with @mozilla/readability on a jsdom
 * document, sanitises what Readability keeps with DOMPurify, and reduces it to heading /
 * paragraph / quote blocks in document order; the headline is block 0. Page metadata (byline,
 * publication time, site, canonical URL, excerpt, language) goes to `meta`.
 *
 * It must never run a page's scripts or fetch anything: scripts, stylesheets and style
 * elements are cut from the source before jsdom sees it (jsdom's CSS parser can throw on real
 * pages, outside any try/catch), and pages are parsed with DOMParser in a jsdom window built
 * without `runScripts` and `resources`.
 */
import type { Readability } from '@mozilla/readability';
import type { DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';
import type { BlockDraft } from '../../../shared/model/blocks';
import type { Pause } from '../store/time-slice';
import { buildArticle, noArticleTextError, TABLE_CELL_SEPARATOR, toSingleLine } from './article';
import type { DecodedSource } from './decode';
import { limitNesting } from './limit-nesting';
import type { Article } from './types';

/**
 * Imports a decoded .html/.htm file.
 * @param name the file name (the title when the page has no headline)
 * @param source the decoded page
 * @returns the article body with the headline as block 0 (heading, level 1)
 * @throws ImportError when Readability finds no article text
 */
export async function importHtml(name: string, source: DecodedSource, pause: Pause): Promise<Article> {
  const tools = await getDomTools();
  // DOMParser documents never run scripts or load resources; one shared window is ~4x faster
  // than a new JSDOM per page (window set-up dominates jsdom's cost).
  const document = new tools.window.DOMParser().parseFromString(await limitNesting(stripInertMarkup(source.text)), 'text/html');
  return articleFromDocument(name, source, document, tools, pause);
}

/** The one jsdom window the importer parses pages in, DOMPurify bound to it, and Readability. */
type DomTools = Readonly<{ window: JSDOM['window']; purifier: DOMPurify; Readability: typeof Readability }>;
let domTools: Promise<DomTools> | undefined;

/**
 * Made on first use and reused. The libraries are imported here, not at the top of the module:
 * jsdom alone takes about 90 MB, which the app's start and exports need not pay unless they
 * import HTML (a dynamic import of a package also stays one in the esbuild bundles). The window
 * is built without `runScripts` and without `resources`, so nothing runs and nothing is fetched;
 * its console goes nowhere.
 */
function getDomTools(): Promise<DomTools> {
  domTools ??= (async () => {
    const [{ JSDOM, VirtualConsole }, { default: createDOMPurify }, { Readability }] = await Promise.all([
      import('jsdom'),
      import('dompurify'),
      import('@mozilla/readability'),
    ]);
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
    return { window, purifier: createDOMPurify(window), Readability };
  })();
  return domTools;
}

function articleFromDocument(name: string, source: DecodedSource, document: Document, tools: DomTools, pause: Pause): Promise<Article> {
  const canonicalUrl = canonicalUrlOf(document);
  const pageHeadlines = [...document.querySelectorAll('h1')].map((h1) => toSingleLine(h1.textContent ?? ''));
  removeClutter(document);
  const parsed = new tools.Readability(document).parse();
  if (!parsed?.content || toSingleLine(parsed.textContent ?? '') === '') throw noArticleTextError(name);
  const body = draftsFromHtml(parsed.content, tools.purifier);
  const headline = chooseHeadline(toSingleLine(parsed.title ?? ''), pageHeadlines);
  const bodyDrafts = withoutLeadingHeading(body, headline);
  if (!bodyDrafts.some((d) => toSingleLine(d.text) !== '')) throw noArticleTextError(name);
  return buildArticle(
    {
      name,
      format: 'html',
      title: headline,
      drafts: headline === '' ? bodyDrafts : [{ type: 'heading', level: 1, text: headline }, ...bodyDrafts],
      meta: {
        byline: parsed.byline,
        publishedAt: parsed.publishedTime,
        siteName: parsed.siteName,
        canonicalUrl,
        excerpt: parsed.excerpt,
        lang: parsed.lang,
      },
      warnings: source.warnings,
    },
    pause,
  );
}

// ---------------------------------------------------------------------------------------------
// Before the DOM: markup that is never text

/** Bounded so that a stray "<script" with no ">" cannot make the scan quadratic. */
const MAX_TAG_LENGTH = 4096;
const STYLESHEET_LINK = new RegExp(`<link\\b[^>]{0,${MAX_TAG_LENGTH}}>`, 'gi');

/**
 * Cuts scripts, style elements and stylesheet links from the source. JSON-LD blocks stay:
 * they are data that no browser executes, and Readability reads headline, author and dates
 * from them.
 */
function stripInertMarkup(html: string): string {
  const withoutScripts = cutRawTextElements(html, 'script', (attributes) => /application\/ld\+json/i.test(attributes));
  return cutRawTextElements(withoutScripts, 'style', () => false).replace(STYLESHEET_LINK, (tag) => (/\bstylesheet\b/i.test(tag) ? '' : tag));
}

/**
 * Removes every `<tag ...>...</tag>` of a raw-text element in one linear pass. An element
 * that is never closed runs to the end of the source, as it does for an HTML parser.
 * @param keep decides, from the opening tag's attributes, which elements to leave in place
 */
function cutRawTextElements(html: string, tag: 'script' | 'style', keep: (attributes: string) => boolean): string {
  const open = new RegExp(`<${tag}\\b([^>]{0,${MAX_TAG_LENGTH}})>`, 'gi');
  const close = new RegExp(`</${tag}\\s*>`, 'gi');
  let kept = '';
  let from = 0;
  for (let match = open.exec(html); match !== null; match = open.exec(html)) {
    close.lastIndex = open.lastIndex;
    const end = close.exec(html) === null ? html.length : close.lastIndex;
    kept += html.slice(from, match.index) + (keep(match[1] ?? '') ? html.slice(match.index, end) : '');
    from = end;
    open.lastIndex = end;
  }
  return kept + html.slice(from);
}

// ---------------------------------------------------------------------------------------------
// Before Readability: page chrome it would otherwise keep

/** Class/id words that mark chrome Readability keeps when it sits inside the article. */
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

/**
 * Removes navigation (Readability keeps a lone <nav> as "the article" when a page has nothing
 * else) and elements whose class or id names them cookie/consent/share/related/comments/
 * newsletter chrome (a newsletter box inside the story body survives Readability otherwise).
 * An element that may hold the story itself is never removed (see holdsArticle).
 */
function removeClutter(document: Document): void {
  for (const nav of document.querySelectorAll('nav, [role="navigation"]')) nav.remove();
  const paragraphCount = document.querySelectorAll('p').length;
  for (const element of document.querySelectorAll('[class], [id]')) {
    if (element.isConnected && isClutter(element) && !holdsArticle(element, paragraphCount)) element.remove();
  }
}

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

/** `<link rel=canonical href>`, else `og:url`; as written in the page. */
function canonicalUrlOf(document: Document): string | undefined {
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return link.getAttribute('href') ?? undefined;
  }
  return document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
}

/** Characters that join a headline and a site name in a <title>. */
const TITLE_SEPARATOR = /^[|\-\u2013\u2014:\u00b7\u2022\u00bb/]$/;

/**
 * Readability's title, unless one of the page's <h1>s is that title without decoration
 * (Readability keeps "Headline – Site Name" when the separator or word count defeats its
 * heuristics). The <h1> must be the longer part, so a logo <h1> never wins.
 */
function chooseHeadline(readabilityTitle: string, pageHeadlines: readonly string[]): string {
  if (readabilityTitle === '') return pageHeadlines[0] ?? '';
  const undecorated = pageHeadlines.filter((h1) => {
    const at = readabilityTitle.indexOf(h1);
    if (h1 === '' || at < 0) return false;
    const decoration = (readabilityTitle.slice(0, at) + readabilityTitle.slice(at + h1.length)).trim();
    const joint = at === 0 ? decoration.slice(0, 1) : decoration.slice(-1);
    return decoration === '' || (h1.length > decoration.length && TITLE_SEPARATOR.test(joint));
  });
  return undecorated.sort((a, b) => b.length - a.length)[0] ?? readabilityTitle;
}

/** Drops the body's first block when it repeats the headline (Readability keeps some). */
function withoutLeadingHeading(drafts: readonly BlockDraft[], headline: string): readonly BlockDraft[] {
  const first = drafts[0];
  const repeats = first?.type === 'heading' && toSingleLine(first.text).toLowerCase() === headline.toLowerCase();
  return repeats ? drafts.slice(1) : drafts;
}

// ---------------------------------------------------------------------------------------------
// After Readability: sanitise and reduce to blocks

/** Sanitises Readability's HTML and walks it into block drafts. */
function draftsFromHtml(content: string, purifier: DOMPurify): BlockDraft[] {
  const fragment = purifier.sanitize(content, { RETURN_DOM_FRAGMENT: true, USE_PROFILES: { html: true } });
  const collector = new BlockCollector();
  walkChildren(fragment, { inQuote: false, inPre: false }, collector);
  collector.endBlock('paragraph');
  return collector.drafts;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const HEADING = /^h([1-6])$/;
/** Elements that end the running paragraph and start a new one. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'ul',
]);
/**
 * Elements with no article text. Figure captions are dropped too: they describe a photo and
 * carry its credit, and are not part of the story an analyst annotates.
 */
const SKIPPED_TAGS = new Set([
  'figcaption',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'map',
  'area',
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'noscript',
  'template',
  'script',
  'style',
]);

type WalkContext = Readonly<{ inQuote: boolean; inPre: boolean }>;

/** Accumulates inline text into the current block and collects finished blocks. */
class BlockCollector {
  readonly drafts: BlockDraft[] = [];
  private inline = '';

  addText(text: string): void {
    this.inline += text;
  }

  add(draft: BlockDraft): void {
    this.drafts.push(draft);
  }

  /** Closes the running block, if it has any text, as a paragraph or quote. */
  endBlock(type: 'paragraph' | 'quote'): void {
    if (this.inline.trim() !== '') this.drafts.push({ type, text: this.inline });
    this.inline = '';
  }
}

function blockType(context: WalkContext): 'paragraph' | 'quote' {
  return context.inQuote ? 'quote' : 'paragraph';
}

function walkChildren(parent: Node, context: WalkContext, out: BlockCollector): void {
  for (const child of parent.childNodes) walkNode(child, context, out);
}

function walkNode(node: Node, context: WalkContext, out: BlockCollector): void {
  if (node.nodeType === TEXT_NODE) {
    const data = (node as Text).data;
    // Outside <pre>, source line breaks and indentation are HTML whitespace, not text.
    out.addText(context.inPre ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag)) return;
  if (tag === 'br') return out.addText('\n');
  const heading = HEADING.exec(tag);
  if (heading || tag === 'tr') {
    out.endBlock(blockType(context));
    const text = heading ? inlineTextOf(element, context) : rowText(element, context);
    out.add(heading && !context.inQuote ? { type: 'heading', level: Number(heading[1]), text } : { type: blockType(context), text });
    return;
  }
  if (!BLOCK_TAGS.has(tag)) return walkChildren(element, context, out);
  out.endBlock(blockType(context));
  const inner = { inQuote: context.inQuote || tag === 'blockquote', inPre: context.inPre || tag === 'pre' };
  walkChildren(element, inner, out);
  out.endBlock(blockType(inner));
}

/** All the text under an element as one block's text (nested blocks joined by spaces). */
function inlineTextOf(element: Element, context: WalkContext): string {
  const collector = new BlockCollector();
  walkChildren(element, context, collector);
  collector.endBlock('paragraph');
  return collector.drafts.map((draft) => draft.text).join(' ');
}

/** A table row as one line of cells. */
function rowText(row: Element, context: WalkContext): string {
  return [...row.children]
    .map((cell) => toSingleLine(inlineTextOf(cell, context)))
    .filter((cell) => cell !== '')
    .join(TABLE_CELL_SEPARATOR);
}

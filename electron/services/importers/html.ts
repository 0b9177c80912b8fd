/**
 * HTML importer. Finds the article in a saved web page: page chrome is cleaned out first
 * (html-clean.ts), @mozilla/readability picks the article on a jsdom document, a CJK lead
 * paragraph it leaves out is put back (html-lead.ts), and the page's JSON-LD articleBody
 * replaces a body that came out much shorter (html-jsonld.ts). What Readability keeps is
 * sanitised with DOMPurify and reduced to heading / paragraph / quote / list item blocks in
 * document order (html-blocks.ts); the headline is block 0. Page metadata (byline, publication
 * time, site, canonical URL, excerpt, language) goes to `meta`.
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
import { buildArticle, noArticleTextError, toSingleLine } from './article';
import type { DecodedSource } from './decode';
import { draftsFromHtml } from './html-blocks';
import { removeClutter } from './html-clean';
import { declaredBodyFor, jsonLdArticleBodies } from './html-jsonld';
import { markParagraphs, missedLeadParagraphs } from './html-lead';
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
  // Read before the clean-up, which empties the header a byline sits in, and before
  // Readability, which removes the scripts JSON-LD sits in.
  const pageByline = bylineOf(document);
  const declared = jsonLdArticleBodies(document);
  removeClutter(document);
  const paragraphs = markParagraphs(document);
  const parsed = new tools.Readability(document).parse();
  const headline = chooseHeadline(toSingleLine(parsed?.title ?? ''), pageHeadlines);
  const lead = parsed?.content ? missedLeadParagraphs(paragraphs, parsed.content).map((text): BlockDraft => ({ type: 'paragraph', text })) : [];
  const extracted = parsed?.content ? [...lead, ...withoutLeadingHeading(draftsFromHtml(parsed.content, tools.purifier), headline)] : [];
  const declaredBody = declaredBodyFor(declared, headline);
  const bodyDrafts = declaredBody !== null && isShortOf(extracted, declaredBody) ? declaredDrafts(declaredBody, tools.purifier) : extracted;
  if (!bodyDrafts.some((d) => toSingleLine(d.text) !== '')) throw noArticleTextError(name);
  return buildArticle(
    {
      name,
      format: 'html',
      title: headline,
      drafts: headline === '' ? bodyDrafts : [{ type: 'heading', level: 1, text: headline }, ...bodyDrafts],
      meta: {
        byline: parsed?.byline || pageByline,
        publishedAt: parsed?.publishedTime,
        siteName: parsed?.siteName,
        canonicalUrl,
        excerpt: parsed?.excerpt,
        lang: parsed?.lang,
      },
      warnings: source.warnings,
    },
    pause,
  );
}

/**
 * Below this share of the JSON-LD body's length, the extracted body is taken to have missed
 * the story (a page rendered by scripts, a body split in ways Readability does not follow).
 */
const DECLARED_BODY_SHARE = 0.5;

function isShortOf(drafts: readonly BlockDraft[], declaredBody: string): boolean {
  const extractedLength = drafts.reduce((sum, d) => sum + toSingleLine(d.text).length, 0);
  return extractedLength < DECLARED_BODY_SHARE * toSingleLine(declaredBody).length;
}

/** JSON-LD's articleBody as paragraphs: HTML when it holds block markup, else text split at blank lines (or line breaks). */
function declaredDrafts(body: string, purifier: DOMPurify): BlockDraft[] {
  if (/<(p|br|div|h[1-6]|li)\b/i.test(body)) return draftsFromHtml(body, purifier);
  const separator = /\n\s*\n/.test(body) ? /\n\s*\n/ : /\n/;
  return body.split(separator).map((text) => ({ type: 'paragraph', text: toSingleLine(text) }));
}

/** Where pages mark their byline (the attributes Readability looks at too). */
const BYLINE_SELECTOR = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [id*="byline" i]';
const MAX_BYLINE_LENGTH = 100;

/** The first short byline-marked text of the page, for when Readability found none. */
function bylineOf(document: Document): string | undefined {
  for (const element of document.querySelectorAll(BYLINE_SELECTOR)) {
    const text = toSingleLine(element.textContent ?? '');
    if (text !== '' && text.length < MAX_BYLINE_LENGTH) return text;
  }
  return undefined;
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

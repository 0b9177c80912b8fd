/**
 * The last step of the HTML importer: sanitises the article HTML Readability kept (DOMPurify)
 * and walks it into block drafts in document order: headings, paragraphs, quotes, list items
 * (level = nesting depth, ordered for <ol>), and table rows as one paragraph of cells. No text is invented or reordered; elements with no article
 * text (media, forms, figure captions) are skipped.
 */
import type { DOMPurify } from 'dompurify';
import type { BlockDraft } from '../../../shared/model/blocks';
import { TABLE_CELL_SEPARATOR, toSingleLine } from './article';

/**
 * Sanitises Readability's HTML and walks it into block drafts.
 * @param content the article HTML as Readability returns it
 * @param purifier DOMPurify bound to the importer's window
 * @returns the drafts in document order, possibly none
 */
export function draftsFromHtml(content: string, purifier: DOMPurify): BlockDraft[] {
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

/** The list an element sits in: its nesting depth (1 = top level) and whether it is numbered. */
type ListContext = Readonly<{ depth: number; ordered: boolean }>;
type WalkContext = Readonly<{ inQuote: boolean; inPre: boolean; list?: ListContext }>;
/** Block levels run 1-6; deeper list items stay at 6. */
const MAX_LEVEL = 6;

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
  if (tag === 'li' && context.list && !context.inQuote) return walkListItem(element, context.list, context, out);
  if (!BLOCK_TAGS.has(tag)) return walkChildren(element, context, out);
  out.endBlock(blockType(context));
  const list = tag === 'ul' || tag === 'ol' ? { depth: (context.list?.depth ?? 0) + 1, ordered: tag === 'ol' } : context.list;
  const inner = { inQuote: context.inQuote || tag === 'blockquote', inPre: context.inPre || tag === 'pre', list };
  walkChildren(element, inner, out);
  out.endBlock(blockType(inner));
}

/**
 * One list item as a list_item block: its own text (block children joined by spaces), then its
 * nested lists, one level deeper, after it. An item with no text of its own adds no block.
 */
function walkListItem(item: Element, list: ListContext, context: WalkContext, out: BlockCollector): void {
  out.endBlock(blockType(context));
  const own = new BlockCollector();
  const nested: Element[] = [];
  for (const child of item.childNodes) {
    if (child.nodeType === ELEMENT_NODE && ['ul', 'ol'].includes((child as Element).localName)) nested.push(child as Element);
    else walkNode(child, context, own);
  }
  own.endBlock('paragraph');
  const text = own.drafts.map((draft) => draft.text).join(' ');
  if (text.trim() !== '') out.add({ type: 'list_item', level: Math.min(list.depth, MAX_LEVEL), ordered: list.ordered, text });
  for (const child of nested) walkNode(child, context, out);
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

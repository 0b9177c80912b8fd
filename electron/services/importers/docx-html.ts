/**
 * Reduces the HTML that mammoth makes of a Word document to block drafts: h1-h6 headings,
 * paragraphs, block quotes, list items (depth and numbering kept), table rows (cells joined by
 * " | ") and footnotes / endnotes as paragraphs marked "[n]" at the end (the references in the
 * text stay as mammoth writes them, "[n]"). Inline markup (bold, italic, links) is reduced to its
 * text, images are dropped. mammoth's HTML is simple and generated, so a walk over parse5's tree
 * is enough; this is not a reader for HTML from the web (that is html.ts).
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { BlockDraft } from '../../../shared/model/blocks';
import { TABLE_CELL_SEPARATOR, toSingleLine } from './article';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Where a block sits: inside a block quote, and how deep inside lists. */
type Context = Readonly<{ inQuote: boolean; listDepth: number }>;

const HEADING = /^h([1-6])$/;
/** mammoth's ids of a footnote's or endnote's list item, and of the back link inside it. */
const NOTE_ITEM = /^(?:footnote|endnote)-(\d+)$/;
const NOTE_BACK_LINK = /^#(?:footnote|endnote)-ref-/;

/**
 * The block drafts of mammoth's HTML.
 * @param html what mammoth.convertToHtml returned
 */
export async function draftsFromMammothHtml(html: string): Promise<BlockDraft[]> {
  const { parseFragment } = await import('parse5');
  return blockDrafts(parseFragment(html).childNodes, { inQuote: false, listDepth: 0 });
}

function blockDrafts(nodes: readonly Node[], context: Context): BlockDraft[] {
  return nodes.flatMap((node) => (isElement(node) ? elementDrafts(node, context) : []));
}

function elementDrafts(element: Element, context: Context): BlockDraft[] {
  const tag = element.tagName;
  const heading = HEADING.exec(tag);
  if (heading)
    return [
      context.inQuote ? { type: 'quote', text: inlineText(element) } : { type: 'heading', level: Number(heading[1]), text: inlineText(element) },
    ];
  switch (tag) {
    case 'p':
      return [{ type: context.inQuote ? 'quote' : 'paragraph', text: inlineText(element) }];
    case 'blockquote':
      return blockDrafts(element.childNodes, { ...context, inQuote: true });
    case 'ul':
    case 'ol':
      return listDrafts(element, context);
    case 'table':
      return tableRows(element).map((text) => ({ type: context.inQuote ? 'quote' : 'paragraph', text }));
    default: // div, section and the like: their blocks
      return blockDrafts(element.childNodes, context);
  }
}

/** Each item's own text is one list_item (or a marked note paragraph); its nested lists follow it. */
function listDrafts(list: Element, context: Context): BlockDraft[] {
  const inner: Context = { ...context, listDepth: context.listDepth + 1 };
  return children(list)
    .filter((item) => item.tagName === 'li')
    .flatMap((item) => {
      const nested = children(item).filter((child) => child.tagName === 'ul' || child.tagName === 'ol' || child.tagName === 'table');
      const own = item.childNodes.filter((child) => !nested.includes(child as Element));
      const text = own.map(inlineText).join(''); // an item's paragraphs end in line breaks: one block, one line each
      const note = NOTE_ITEM.exec(attribute(item, 'id') ?? '');
      const draft: BlockDraft = note
        ? { type: 'paragraph', text: `[${note[1]}] ${text}` }
        : context.inQuote
          ? { type: 'quote', text }
          : { type: 'list_item', level: inner.listDepth, ordered: list.tagName === 'ol', text };
      return [draft, ...nested.flatMap((child) => elementDrafts(child, inner))];
    });
}

/** Each table row as one line, its cells' text joined; rows of nested tables follow their row. */
function tableRows(table: Element): string[] {
  const rows: string[] = [];
  const visit = (element: Element): void => {
    if (element.tagName === 'tr') {
      const cells = children(element).filter((cell) => cell.tagName === 'td' || cell.tagName === 'th');
      rows.push(cells.map((cell) => toSingleLine(inlineText(cell))).join(TABLE_CELL_SEPARATOR));
      return;
    }
    children(element).forEach(visit);
  };
  visit(table);
  return rows;
}

/** The text of a node: markup dropped, <br> and paragraph ends as line breaks, notes' back links and images gone. */
function inlineText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node)) return '';
  if (node.tagName === 'br') return '\n';
  if (node.tagName === 'img' || (node.tagName === 'a' && NOTE_BACK_LINK.test(attribute(node, 'href') ?? ''))) return '';
  const text = node.childNodes.map(inlineText).join('');
  return node.tagName === 'p' ? `${text}\n` : text;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(element: Element): Element[] {
  return element.childNodes.filter(isElement);
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

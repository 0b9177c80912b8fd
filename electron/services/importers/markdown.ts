/**
 * Markdown importer. Reads the source with marked's lexer (never regexes over markdown) and
 * reduces its tokens to heading / paragraph / quote / list-item blocks: each list item is one
 * list_item block (its depth and whether the list is numbered kept; nested lists follow their
 * parent item), table rows become paragraphs with their cells joined by " | ", code blocks
 * become paragraphs, everything inside a blockquote becomes quote blocks, raw HTML and images
 * are dropped, inline markup is reduced to its text. A YAML front matter block supplies title,
 * date, author, description and lang; it is never part of the text. Nothing is rendered.
 */
import type { Token, Tokens } from 'marked';
import type { BlockDraft } from '../../../shared/model/blocks';
import type { Pause } from '../store/time-slice';
import { buildArticle, TABLE_CELL_SEPARATOR, toSingleLine } from './article';
import type { DecodedSource } from './decode';
import { decodeEntities } from './entities';
import type { Article } from './types';

/**
 * marked's lexer with fresh defaults, so a `marked.use()` elsewhere in the process cannot change
 * how we read. Imported on first use, as the HTML importer's libraries are: the app's start and
 * exports never load the importers' packages.
 */
let lexer: Promise<(markdown: string) => Token[]> | undefined;

function getLexer(): Promise<(markdown: string) => Token[]> {
  lexer ??= import('marked').then(({ getDefaults, marked }) => {
    const options = { ...getDefaults(), gfm: true, breaks: false };
    return (markdown: string) => marked.lexer(markdown, options);
  });
  return lexer;
}

/** Whether the blocks being read sit inside a blockquote, and how deep inside lists (0: none). */
type Context = Readonly<{ inQuote: boolean; listDepth: number }>;

/**
 * Imports a decoded markdown file.
 * @param name the file name (the title when neither front matter nor a level-1 heading has one)
 * @param source the decoded text, LF line endings
 * @returns the article; title from front matter `title:`, else the first level-1 heading
 * @throws ImportError when no block has text
 */
export async function importMarkdown(name: string, source: DecodedSource, pause: Pause): Promise<Article> {
  const { fields, body } = splitFrontMatter(source.text);
  const lex = await getLexer();
  const drafts = draftsFromTokens(lex(body), { inQuote: false, listDepth: 0 });
  const firstH1 = drafts.find((d) => d.type === 'heading' && d.level === 1);
  return buildArticle(
    {
      name,
      format: 'md',
      title: fields.get('title') ?? firstH1?.text ?? '',
      drafts,
      meta: {
        byline: fields.get('author'),
        publishedAt: fields.get('date'),
        excerpt: fields.get('description'),
        lang: fields.get('lang'),
      },
      warnings: source.warnings,
    },
    pause,
  );
}

// ---------------------------------------------------------------------------------------------
// Front matter

const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const YAML_KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;
/** Lines a simple YAML block may also contain: comments, indented values, list items. */
const YAML_OTHER_LINE = /^(?:#.*|[ \t]+.*|-[ \t].*|-)$/;

/**
 * Separates a leading `---` YAML block from the markdown. The block counts as front matter
 * only when every line looks like YAML and one is a `key:` line; otherwise a document that
 * merely starts with a horizontal rule would lose its first paragraph.
 */
function splitFrontMatter(text: string): { fields: Map<string, string>; body: string } {
  const match = FRONT_MATTER.exec(text);
  const lines = (match?.[1] ?? '').split('\n').filter((line) => line.trim() !== '');
  const isYaml =
    match !== null && lines.some((line) => YAML_KEY_LINE.test(line)) && lines.every((line) => YAML_KEY_LINE.test(line) || YAML_OTHER_LINE.test(line));
  if (!isYaml) return { fields: new Map(), body: text };
  return { fields: readYamlScalars(lines), body: text.slice(match[0].length) };
}

/** Top-level `key: value` pairs with a non-empty scalar or flow-list value; keys lowercased. */
function readYamlScalars(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    const match = YAML_KEY_LINE.exec(line);
    const key = match?.[1]?.toLowerCase();
    const value = yamlScalar(match?.[2] ?? '');
    if (key !== undefined && value !== '' && !fields.has(key)) fields.set(key, value);
  }
  return fields;
}

/** A YAML scalar's text: quotes removed, comments cut, `[a, b]` read as "a, b". */
function yamlScalar(raw: string): string {
  const value = raw.trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"|^'((?:[^']|'')*)'/.exec(value);
  if (quoted) return quoted[1] !== undefined ? quoted[1].replace(/\\(.)/g, '$1') : (quoted[2] ?? '').replace(/''/g, "'");
  const plain = value.replace(/(?:^|[ \t])#.*$/, '').trim();
  if (/^\[.*\]$/.test(plain))
    return plain
      .slice(1, -1)
      .split(',')
      .map((item) => yamlScalar(item))
      .filter(Boolean)
      .join(', ');
  // Block scalars (|, >) and nested maps are beyond "simple keys": ignore them.
  return /^[|>{]/.test(plain) ? '' : plain;
}

// ---------------------------------------------------------------------------------------------
// Block tokens

function draftsFromTokens(tokens: readonly Token[], context: Context): BlockDraft[] {
  return tokens.flatMap((token) => draftsFromToken(token as Tokens.Generic, context));
}

/** One block token to its drafts; unknown and non-text tokens (html, hr, space, def) give none. */
function draftsFromToken(token: Tokens.Generic, context: Context): BlockDraft[] {
  switch (token.type) {
    case 'heading': {
      const { depth, tokens } = token as Tokens.Heading;
      const text = inlineText(tokens);
      return [context.inQuote ? { type: 'quote', text } : { type: 'heading', level: depth, text }];
    }
    case 'paragraph':
      return [textDraft(inlineText((token as Tokens.Paragraph).tokens), context)];
    case 'text': // the bare text of a tight list item
      return [textDraft(textTokenText(token as Tokens.Text), context)];
    case 'code':
      return [textDraft((token as Tokens.Code).text, context)];
    case 'blockquote':
      return draftsFromTokens((token as Tokens.Blockquote).tokens, { ...context, inQuote: true });
    case 'list':
      return listDrafts(token as Tokens.List, context);
    case 'table':
      return tableRows(token as Tokens.Table).map((row) => textDraft(row, context));
    default:
      return [];
  }
}

/**
 * A list's items: each item's own text (its paragraphs joined by line breaks) is one list_item
 * at the list's depth; its nested lists and block quotes follow it. Inside a block quote the
 * items are quote blocks, as everything there is.
 */
function listDrafts(list: Tokens.List, context: Context): BlockDraft[] {
  const inner: Context = { ...context, listDepth: context.listDepth + 1 };
  return list.items.flatMap((item) => {
    const own = item.tokens.filter((t) => t.type === 'text' || t.type === 'paragraph' || t.type === 'code');
    const rest = item.tokens.filter((t) => !own.includes(t));
    const text = own.flatMap((t) => draftsFromToken(t as Tokens.Generic, inner).map((d) => d.text)).join('\n');
    const itemDraft: BlockDraft = context.inQuote
      ? { type: 'quote', text }
      : { type: 'list_item', level: inner.listDepth, ordered: list.ordered, text };
    return [itemDraft, ...draftsFromTokens(rest, inner)];
  });
}

function textDraft(text: string, context: Context): BlockDraft {
  return { type: context.inQuote ? 'quote' : 'paragraph', text };
}

/** Each table row (the header row first) as one line, cells separated. */
function tableRows(table: Tokens.Table): string[] {
  return [table.header, ...table.rows].map((cells) => cells.map((cell) => toSingleLine(inlineText(cell.tokens))).join(TABLE_CELL_SEPARATOR));
}

// ---------------------------------------------------------------------------------------------
// Inline tokens

/** The plain text of inline tokens: markup dropped, entities decoded, soft breaks as spaces. */
function inlineText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? []).map((token) => inlineTokenText(token as Tokens.Generic)).join('');
}

function inlineTokenText(token: Tokens.Generic): string {
  switch (token.type) {
    case 'text':
      return textTokenText(token as Tokens.Text);
    case 'escape':
    case 'codespan':
      return softBreaksToSpaces(String(token.text));
    case 'br':
      return '\n';
    case 'html': // inline tags are dropped; their inner text comes as separate text tokens
      return /^<br\s*\/?>$/i.test(String(token.text)) ? '\n' : '';
    case 'image':
    case 'checkbox':
      return '';
    default: // strong, em, del, link and extension tokens: their children's text
      return Array.isArray(token.tokens) ? inlineText(token.tokens as Token[]) : '';
  }
}

function textTokenText(token: Tokens.Text): string {
  return token.tokens ? inlineText(token.tokens) : softBreaksToSpaces(decodeEntities(token.text));
}

function softBreaksToSpaces(text: string): string {
  return text.replace(/\n/g, ' ');
}

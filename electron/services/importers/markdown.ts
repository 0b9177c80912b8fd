/**
 * Markdown importer. Reads the source with marked's lexer (never regexes over markdown) and
 * reduces its tokens to heading / paragraph / quote blocks: list items and code blocks become
 * paragraphs, everything inside a blockquote becomes quote blocks, raw HTML and images are
 * dropped, inline markup is reduced to its text. A YAML front matter block supplies title,
 * date, author, description and lang; it is never part of the text. Nothing is rendered.
 */
import type { Token, Tokens } from 'marked';
import type { BlockDraft } from '../../../shared/model/blocks';
import type { Pause } from '../store/time-slice';
import { buildArticle, TABLE_CELL_SEPARATOR, toSingleLine } from './article';
import type { DecodedSource } from './decode';
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

/** Whether the blocks being read sit inside a blockquote. */
type Context = Readonly<{ inQuote: boolean }>;

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
  const drafts = draftsFromTokens(lex(body), { inQuote: false });
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
      return draftsFromTokens((token as Tokens.Blockquote).tokens, { inQuote: true });
    case 'list':
      return (token as Tokens.List).items.flatMap((item) => draftsFromTokens(item.tokens, context));
    case 'table':
      return tableRows(token as Tokens.Table).map((row) => textDraft(row, context));
    default:
      return [];
  }
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

// ---------------------------------------------------------------------------------------------
// Entities

/**
 * Named entities common in news copy. marked decodes numeric references itself and leaves
 * named ones (and escapes bare "&" as "&amp;"); names not listed here stay as written.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsaquo: '\u2039',
  rsaquo: '\u203a',
  prime: '\u2032',
  Prime: '\u2033',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  plusmn: '\u00b1',
  times: '\u00d7',
  divide: '\u00f7',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  permil: '\u2030',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  sect: '\u00a7',
  para: '\u00b6',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwj: '\u200d',
  zwnj: '\u200c',
  iexcl: '\u00a1',
  iquest: '\u00bf',
  aacute: '\u00e1',
  eacute: '\u00e9',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
  Aacute: '\u00c1',
  Eacute: '\u00c9',
  Iacute: '\u00cd',
  Oacute: '\u00d3',
  Uacute: '\u00da',
  agrave: '\u00e0',
  egrave: '\u00e8',
  ograve: '\u00f2',
  ccedil: '\u00e7',
  Ccedil: '\u00c7',
  auml: '\u00e4',
  euml: '\u00eb',
  iuml: '\u00ef',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
  Auml: '\u00c4',
  Ouml: '\u00d6',
  Uuml: '\u00dc',
  ntilde: '\u00f1',
  Ntilde: '\u00d1',
  acirc: '\u00e2',
  ecirc: '\u00ea',
  icirc: '\u00ee',
  ocirc: '\u00f4',
  ucirc: '\u00fb',
  oslash: '\u00f8',
  aring: '\u00e5',
  aelig: '\u00e6',
  Oslash: '\u00d8',
  Aring: '\u00c5',
};

/** Decodes named (listed) and numeric character references in one pass, so "&amp;lt;" gives "&lt;". */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g, (whole, dec, hex, named) => {
    if (typeof named === 'string') return NAMED_ENTITIES[named] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(String(hex), 16);
    return isScalarValue(code) && code !== 0 ? String.fromCodePoint(code) : '\ufffd';
  });
}

function isScalarValue(code: number): boolean {
  return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
}

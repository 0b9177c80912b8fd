/**
 * Test builders for documents, in the spirit of ProseMirror's test builders: a document is
 * written as its text with position tags, and offsets and quotes are computed, never copied.
 *
 *   makeDoc('"<c>I don\'t see any splintering</c>," <s>Hill</s> said.', { c: 'Claim', s: 'Source' },
 *     { links: [['c', 'attributed_to', 's']] })
 *
 * `<name>…</name>` tags a range (tags may nest and overlap, as they are matched by name); a
 * `<name>` that is never closed marks a point. Every tag named in `labels` becomes an annotation
 * with that id; the other tags are only positions, read with `tagsOf`. Paragraphs are separated
 * by a blank line, as in a stored document. Test-only: no I/O, fixed authors and times.
 */
import { BLOCK_SEPARATOR } from '../../../shared/model/blocks';
import type { Annotation, Attributes, Block, DocStatus, DocumentData, DocumentMeta, Relation } from '../../../shared/model/types';

/** Who made every annotation and relation of a built document. */
export const TEST_AUTHOR = 'ann';
/** When every annotation and relation of a built document was made (and last changed). */
export const TEST_TIME = 't0';

/** The meta of a built document: an imported text file, the same for every document. */
export const TEST_META: DocumentMeta = {
  sourcePath: 'x',
  sourceName: 'x',
  sha256: 'x',
  importedAt: '2026-01-01T00:00:00Z',
  format: 'txt',
  byteLength: 1,
};

/** A tagged range of the text (a point when `start === end`), in UTF-16 code units, end exclusive. */
export type TaggedRange = Readonly<{ start: number; end: number }>;

/** The label of an annotation, or its label with attribute values. */
export type TagLabel = string | Readonly<{ label: string; attributes?: Attributes; note?: string }>;

/** A relation between two tagged annotations: `[from, type, to]`, with its id optional (else `r1`, `r2`, … in order). */
export type TagLink = readonly [from: string, type: string, to: string, id?: string];

/** What else a built document has; all optional. */
export type MakeDocOptions = Readonly<{
  links?: readonly TagLink[];
  id?: string;
  title?: string;
  status?: DocStatus;
  attributes?: Attributes;
}>;

const TAG = /<(\/?)([A-Za-z_][\w-]*)>/g;

/**
 * Removes the tags from a tagged text and says where each one was.
 * @param tagged text with `<name>…</name>` ranges and `<name>` points
 * @returns the plain text and each tag's range
 * @throws RangeError for a tag opened twice or closed without being opened
 */
export function tagsOf(tagged: string): { text: string; tags: Readonly<Record<string, TaggedRange>> } {
  const starts = new Map<string, number>();
  const tags: Record<string, TaggedRange> = {};
  let text = '';
  let last = 0;
  for (const m of tagged.matchAll(TAG)) {
    text += tagged.slice(last, m.index);
    last = m.index + m[0].length;
    const [, closing, name] = m as unknown as [string, string, string];
    if (closing) {
      const start = starts.get(name);
      if (start === undefined || name in tags) throw new RangeError(`</${name}> closes a tag that is not open`);
      tags[name] = { start, end: text.length };
    } else {
      if (starts.has(name)) throw new RangeError(`<${name}> is tagged twice`);
      starts.set(name, text.length);
    }
  }
  text += tagged.slice(last);
  for (const [name, start] of starts) tags[name] ??= { start, end: start };
  return { text, tags };
}

/**
 * Builds a valid document from a tagged text.
 * @param tagged the text with position tags (see the module comment)
 * @param labels the tags that are annotations, each with its label; annotations are listed in this order
 * @param options links between annotations, and the document's id, title, status and attributes
 * @returns the document: one paragraph per blank-line-separated paragraph, status `new` unless given
 * @throws RangeError for a labelled tag that is missing or empty, or a link to an annotation that is not there
 */
export function makeDoc(tagged: string, labels: Readonly<Record<string, TagLabel>> = {}, options: MakeDocOptions = {}): DocumentData {
  const { text, tags } = tagsOf(tagged);
  const annotations = Object.entries(labels).map(([id, how]): Annotation => {
    const range = tags[id];
    if (!range) throw new RangeError(`no <${id}> in the text`);
    if (range.start === range.end) throw new RangeError(`<${id}> tags an empty range: close it with </${id}>`);
    const { label, attributes = {}, note } = typeof how === 'string' ? { label: how } : how;
    const annotation: Annotation = {
      id,
      label,
      start: range.start,
      end: range.end,
      quote: text.slice(range.start, range.end),
      attributes,
      author: TEST_AUTHOR,
      createdAt: TEST_TIME,
      updatedAt: TEST_TIME,
    };
    return note === undefined ? annotation : { ...annotation, note };
  });
  const relations = (options.links ?? []).map(([from, type, to, id], i): Relation => {
    for (const end of [from, to]) if (!(end in labels)) throw new RangeError(`the link ${from} -${type}-> ${to} needs an annotation ${end}`);
    return { id: id ?? `r${i + 1}`, type, from, to, author: TEST_AUTHOR, createdAt: TEST_TIME };
  });
  return {
    id: options.id ?? 'abcdef123456',
    title: options.title ?? 't',
    text,
    blocks: paragraphs(text),
    meta: TEST_META,
    status: options.status ?? 'new',
    attributes: options.attributes ?? {},
    annotations,
    relations,
  };
}

/**
 * The annotation of a document with this id.
 * @throws RangeError when there is none (a typo in a test, not an expected absence)
 */
export function annotationOf(doc: DocumentData, id: string): Annotation {
  const found = doc.annotations.find((a) => a.id === id);
  if (!found) throw new RangeError(`no annotation ${id} in the document`);
  return found;
}

/** One paragraph block per run of text between blank lines. */
function paragraphs(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const part of text.split(BLOCK_SEPARATOR)) {
    if (part !== '') blocks.push({ type: 'paragraph', start, end: start + part.length });
    start += part.length + BLOCK_SEPARATOR.length;
  }
  return blocks;
}

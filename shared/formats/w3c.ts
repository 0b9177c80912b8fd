/**
 * W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): an
 * AnnotationCollection whose page holds one annotation per span (motivation "classifying", a
 * TextualBody with purpose "classifying" for the label, "tagging" bodies for attributes as
 * `name=value`, a "commenting" body for the note; target with a TextPositionSelector in code
 * points and a TextQuoteSelector) and one per relation (motivation "linking": the target is the
 * relation's first span, the body its second span and the type). Every item carries its own
 * @context, so each validates on its own. W3C holds no text: on import, annotations are placed on
 * documents already in the workspace. Pure.
 */
import { offsetMap, type OffsetMap } from '../anchoring/code-points';
import type { Annotation, DocumentData, Relation } from '../model/types';
import { tagsFromAttributes, type AttributeTag } from './attribute-tags';
import { streamed, type DocumentSerializer, type SerializedDocument } from './serializer';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Code points of context kept on each side in a TextQuoteSelector. */
export const QUOTE_CONTEXT = 32;

const DOC_IRI = /^urn:claimdesk:doc:([0-9a-f]{6,64})$/;
const ITEM_IRI = /^urn:claimdesk:doc:([0-9a-f]{6,64}):(span|relation):(.+)$/;

/** The IRI that names a document. */
export const documentIri = (docId: string): string => `urn:claimdesk:doc:${docId}`;
/** The IRI of a span's or a relation's annotation. */
export const itemIri = (docId: string, kind: 'span' | 'relation', id: string): string => `${documentIri(docId)}:${kind}:${encodeURIComponent(id)}`;

/** Who made an annotation and when, in W3C's terms (creator left out when no author is known). */
function provenance(author: string, created: string, modified: string | null): Record<string, unknown> {
  return {
    ...(author === '' ? {} : { creator: { type: 'Person', name: author } }),
    created,
    ...(modified === null ? {} : { modified }),
  };
}

const textualBody = (purpose: string, value: string) => ({ type: 'TextualBody', purpose, value });

/** The code points [from, to) of a text, clamped. */
function cpSlice(text: string, map: OffsetMap, from: number, to: number): string {
  const a = Math.max(0, from);
  const b = Math.min(map.codePointLength, to);
  return a >= b ? '' : text.slice(map.utf16FromCodePoint(a), map.utf16FromCodePoint(b));
}

/** One span's annotation. */
function spanAnnotation(doc: DocumentData, map: OffsetMap, a: Annotation): Record<string, unknown> {
  const start = map.codePointFromUtf16(a.start);
  const end = map.codePointFromUtf16(a.end);
  const tags = tagsFromAttributes(a.attributes);
  const body = [
    textualBody('classifying', a.label),
    ...tags.map((t) => textualBody('tagging', `${t.name}=${t.value}`)),
    ...(a.note === undefined ? [] : [textualBody('commenting', a.note)]),
  ];
  return {
    '@context': ANNO_CONTEXT,
    id: itemIri(doc.id, 'span', a.id),
    type: 'Annotation',
    motivation: 'classifying',
    ...provenance(a.author, a.createdAt, a.updatedAt),
    body,
    target: {
      source: documentIri(doc.id),
      selector: [
        { type: 'TextPositionSelector', start, end },
        {
          type: 'TextQuoteSelector',
          exact: a.quote,
          prefix: cpSlice(doc.text, map, start - QUOTE_CONTEXT, start),
          suffix: cpSlice(doc.text, map, end, end + QUOTE_CONTEXT),
        },
      ],
    },
  };
}

/** One relation's annotation. */
function relationAnnotation(docId: string, r: Relation): Record<string, unknown> {
  return {
    '@context': ANNO_CONTEXT,
    id: itemIri(docId, 'relation', r.id),
    type: 'Annotation',
    motivation: 'linking',
    ...provenance(r.author, r.createdAt, null),
    body: [textualBody('classifying', r.type), itemIri(docId, 'span', r.to)],
    target: itemIri(docId, 'span', r.from),
  };
}

/** The W3C annotations of one document (spans, then relations); every value is written (an unset one as no tag), so nothing is a problem. */
export function toW3cAnnotations(doc: DocumentData): Record<string, unknown>[] {
  const map = offsetMap(doc.text);
  return [...doc.annotations.map((a) => spanAnnotation(doc, map, a)), ...doc.relations.map((r) => relationAnnotation(doc.id, r))];
}

/**
 * A serializer for one W3C file: the collection's opening, one line per annotation, the close.
 */
export function createW3cSerializer(): DocumentSerializer {
  let count = 0;
  return {
    header: () =>
      `{\n  "@context": "${ANNO_CONTEXT}",\n  "id": "urn:claimdesk:export",\n  "type": "AnnotationCollection",\n  "label": "Claimdesk annotations",\n  "first": {\n    "id": "urn:claimdesk:export:page:0",\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [`,
    document(doc): SerializedDocument {
      let text = '';
      for (const item of toW3cAnnotations(doc)) text += `${count++ === 0 ? '' : ','}\n      ${JSON.stringify(item)}`;
      return streamed(text);
    },
    footer: () => `${count === 0 ? '' : '\n    '}]\n  }\n}\n`,
  };
}

/** A span read from a W3C file, before it is placed on a document. */
export type W3cSpan = Readonly<{
  item: number;
  line: number | null;
  source: string;
  /** The Claimdesk document and span ids when the IRIs are Claimdesk's. */
  docId: string | null;
  spanId: string;
  label: string;
  tags: readonly AttributeTag[];
  note: string | undefined;
  author: string;
  created: string | null;
  modified: string | null;
  position: Readonly<{ start: number; end: number }> | null;
  quote: Readonly<{ exact: string; prefix: string; suffix: string }> | null;
}>;

/** A link read from a W3C file: annotation IRIs of its two spans. */
export type W3cLink = Readonly<{
  item: number;
  line: number | null;
  docId: string | null;
  relationId: string;
  type: string;
  from: string;
  to: string;
  author: string;
  created: string | null;
}>;

/** A problem with a W3C file or one of its items. */
export type W3cProblem = Readonly<{ item: number | null; line: number | null; reason: string }>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const typeOf = (v: Json): string[] => asArray(v.type).filter((t): t is string => typeof t === 'string');
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The line (1-based) on which a JSON syntax error sits, from the parser's message. */
function syntaxErrorLine(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  return pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
}

/** The line on which an item with this id is written, when it can be found. */
function lineOf(text: string, id: string | null): number | null {
  if (id === null) return null;
  const at = text.indexOf(JSON.stringify(id));
  return at === -1 ? null : text.slice(0, at).split('\n').length;
}

/** The annotations in a parsed file: one annotation, a list, an AnnotationPage or an AnnotationCollection with embedded pages. */
function itemsOf(root: unknown): unknown[] | null {
  if (Array.isArray(root)) return root;
  if (!isObject(root)) return null;
  const types = typeOf(root);
  if (types.includes('Annotation')) return [root];
  if (types.includes('AnnotationPage')) return asArray(root.items);
  if (types.includes('AnnotationCollection')) {
    const items: unknown[] = [];
    for (let page: unknown = root.first; isObject(page); page = page.next) items.push(...asArray(page.items));
    return items;
  }
  return null;
}

function creatorName(v: unknown): string {
  const c = asArray(v)[0];
  if (typeof c === 'string') return c;
  return isObject(c) ? (str(c.name) ?? str(c.nickname) ?? str(c.id) ?? '') : '';
}

/** The TextualBody values of a given purpose. */
function bodiesWithPurpose(bodies: readonly unknown[], purpose: string): string[] {
  return bodies
    .filter((b): b is Json => isObject(b) && asArray(b.purpose).includes(purpose))
    .flatMap((b) => (typeof b.value === 'string' ? [b.value] : []));
}

function readSelectors(target: Json): { position: W3cSpan['position']; quote: W3cSpan['quote'] } {
  let position: W3cSpan['position'] = null;
  let quote: W3cSpan['quote'] = null;
  for (const s of asArray(target.selector)) {
    if (!isObject(s)) continue;
    const types = typeOf(s);
    if (types.includes('TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end))
      position = { start: s.start as number, end: s.end as number };
    if (types.includes('TextQuoteSelector') && typeof s.exact === 'string')
      quote = { exact: s.exact, prefix: str(s.prefix) ?? '', suffix: str(s.suffix) ?? '' };
  }
  return { position, quote };
}

/**
 * Reads a W3C Web Annotation file into spans and links (not yet placed on documents).
 * @returns what was read and a problem for the file (not JSON, not annotations) or for each item that cannot be used
 */
export function parseW3c(text: string): { spans: W3cSpan[]; links: W3cLink[]; problems: W3cProblem[] } {
  const spans: W3cSpan[] = [];
  const links: W3cLink[] = [];
  const problems: W3cProblem[] = [];
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = (err as Error).message;
    return { spans, links, problems: [{ item: null, line: syntaxErrorLine(text, message), reason: `not valid JSON (${message})` }] };
  }
  const items = itemsOf(root);
  if (items === null)
    return {
      spans,
      links,
      problems: [{ item: null, line: 1, reason: 'not a W3C Web Annotation: no Annotation, AnnotationPage or AnnotationCollection at the top' }],
    };
  items.forEach((raw, item) => {
    const id = isObject(raw) ? str(raw.id) : null;
    const line = lineOf(text, id);
    const fail = (reason: string) => problems.push({ item, line, reason: `annotation ${item + 1}${id ? ` (${id})` : ''}: ${reason}` });
    if (!isObject(raw) || !typeOf(raw).includes('Annotation')) return fail('not an Annotation (its type is not "Annotation")');
    const bodies =
      raw.body === undefined && typeof raw.bodyValue === 'string' ? [{ purpose: 'classifying', value: raw.bodyValue }] : asArray(raw.body);
    const own = id === null ? null : ITEM_IRI.exec(id);
    const author = creatorName(raw.creator);
    const created = str(raw.created);
    if (asArray(raw.motivation).includes('linking')) {
      const from = str(asArray(raw.target)[0]) ?? (isObject(asArray(raw.target)[0]) ? str((asArray(raw.target)[0] as Json).id) : null);
      const to =
        bodies
          .map((b) => (typeof b === 'string' ? b : isObject(b) && !typeOf(b).includes('TextualBody') ? str(b.id) : null))
          .find((b) => b !== null) ?? null;
      const type = bodiesWithPurpose(bodies, 'classifying')[0] ?? bodiesWithPurpose(bodies, 'tagging')[0];
      if (!from || !to) return fail('a linking annotation needs a target and a body that name annotations');
      if (!type) return fail('a linking annotation needs a TextualBody naming the relation type (purpose "classifying")');
      links.push({
        item,
        line,
        docId: own?.[1] ?? ITEM_IRI.exec(from)?.[1] ?? null,
        relationId: own?.[2] === 'relation' ? decodeURIComponent(own[3]!) : (id ?? `w3c-link-${item + 1}`),
        type,
        from,
        to,
        author,
        created,
      });
      return;
    }
    const target = asArray(raw.target)[0];
    if (!isObject(target) || typeof target.source !== 'string') return fail('its target has no source document (a SpecificResource with "source")');
    const label = bodiesWithPurpose(bodies, 'classifying')[0];
    if (!label) return fail('it has no label (a TextualBody with purpose "classifying")');
    const { position, quote } = readSelectors(target);
    if (!quote && !position) return fail('its target has no TextQuoteSelector or TextPositionSelector');
    const tags: AttributeTag[] = [];
    for (const t of bodiesWithPurpose(bodies, 'tagging')) {
      const eq = t.indexOf('=');
      if (eq <= 0) return fail(`the tag "${t}" is not name=value`);
      tags.push({ name: t.slice(0, eq), value: t.slice(eq + 1) });
    }
    const note = bodiesWithPurpose(bodies, 'commenting')[0];
    spans.push({
      item,
      line,
      source: target.source,
      docId: DOC_IRI.exec(target.source)?.[1] ?? null,
      spanId: own?.[2] === 'span' ? decodeURIComponent(own[3]!) : (id ?? `w3c-${item + 1}`),
      label,
      tags,
      note,
      author,
      created,
      modified: str(raw.modified),
      position,
      quote,
    });
  });
  return { spans, links, problems };
}

/**
 * Places a W3C span on a text: the position selector when the text there equals the quote (or
 * there is no quote), else the occurrence of the quote whose prefix and suffix match best,
 * nearest the given position.
 * @returns UTF-16 offsets, or null when the quote is not in the text
 */
export function anchorW3cSpan(text: string, span: Pick<W3cSpan, 'position' | 'quote'>): { start: number; end: number } | null {
  const map = offsetMap(text);
  const pos =
    span.position && span.position.end <= map.codePointLength && span.position.start < span.position.end
      ? { start: map.utf16FromCodePoint(span.position.start), end: map.utf16FromCodePoint(span.position.end) }
      : null;
  if (!span.quote) return pos;
  const { exact, prefix, suffix } = span.quote;
  if (exact === '') return null;
  if (pos && text.slice(pos.start, pos.end) === exact) return pos;
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const distance = pos ? Math.abs(at - pos.start) / (text.length + 1) : 0;
    const score = (before === prefix ? 2 : 0) + (after === suffix ? 2 : 0) - distance;
    if (!best || score > best.score) best = { start: at, score };
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}

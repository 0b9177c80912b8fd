/**
 * Claimdesk JSONL, the lossless corpus format: a header line (format name, version,
 * `offset_unit`, the tag schema), then one document per line with its text, blocks, status,
 * attributes, meta, spans (every field) and relations. Offsets are Unicode code points.
 * Serializing and parsing are pure; the services stream lines to and from disk.
 */
import { z } from 'zod';
import { offsetMap, type OffsetMap } from '../anchoring/code-points';
import {
  BLOCK_TYPES,
  SOURCE_FORMATS,
  type Annotation,
  type Block,
  type BlockType,
  type DocumentData,
  type Relation,
  type Schema,
  type SourceFormat,
} from '../model/types';

/** The `claimdesk` value of the header line. */
export const JSONL_FORMAT = 'claimdesk-jsonl';
/** The version this build writes and reads. */
export const JSONL_VERSION = 1;

/** A problem with one line of an imported file (1-based line number). */
export type LineProblem = Readonly<{ line: number; reason: string }>;

/** The header line. */
export type JsonlHeader = Readonly<{ claimdesk: typeof JSONL_FORMAT; version: number; offset_unit: 'code_point'; schema: Schema }>;

/**
 * The header line of an export.
 * @returns one line of JSON, without the line break
 */
export function toJsonlHeader(schema: Schema): string {
  const header: JsonlHeader = { claimdesk: JSONL_FORMAT, version: JSONL_VERSION, offset_unit: 'code_point', schema };
  return JSON.stringify(header);
}

const cp = (map: OffsetMap, offset: number): number => map.codePointFromUtf16(offset);

/**
 * One document as a JSONL line: every field, offsets in code points.
 * @returns one line of JSON, without the line break
 */
export function toJsonlLine(doc: DocumentData): string {
  const map = offsetMap(doc.text);
  return JSON.stringify({
    id: doc.id,
    ...(doc.annotator === undefined ? {} : { annotator: doc.annotator }),
    title: doc.title,
    status: doc.status,
    attributes: doc.attributes,
    meta: doc.meta,
    text: doc.text,
    // Keys in a fixed order, whatever order the store has them in, so exports compare byte for byte.
    blocks: doc.blocks.map((b) => ({
      type: b.type,
      start: cp(map, b.start),
      end: cp(map, b.end),
      ...(b.level === undefined ? {} : { level: b.level }),
      ...(b.ordered === undefined ? {} : { ordered: b.ordered }),
      ...(b.page === undefined ? {} : { page: b.page }),
    })),
    spans: doc.annotations.map((a) => ({
      id: a.id,
      label: a.label,
      start: cp(map, a.start),
      end: cp(map, a.end),
      quote: a.quote,
      attributes: a.attributes,
      ...(a.note === undefined ? {} : { note: a.note }),
      ...(a.origin === undefined ? {} : { origin: a.origin }),
      author: a.author,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
    relations: doc.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, author: r.author, createdAt: r.createdAt })),
  });
}

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const attributes = z.record(z.string().min(1), attributeValue);
const offset = z.number().int().nonnegative();
const stamp = z.string().min(1);
const attributeDef = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['choice', 'multi', 'boolean', 'number', 'text']),
    values: z.array(z.string()).optional(),
    default: attributeValue.optional(),
  })
  .strict();
const schemaShape = z
  .object({
    labels: z.array(z.object({ name: z.string().min(1), color: z.string(), hotkey: z.string(), attributes: z.array(attributeDef) }).strict()),
    relationTypes: z.array(z.object({ name: z.string().min(1), from: z.array(z.string()), to: z.array(z.string()) }).strict()),
    documentAttributes: z.array(attributeDef),
  })
  .strict();
const headerShape = z
  .object({ claimdesk: z.literal(JSONL_FORMAT), version: z.number().int(), offset_unit: z.literal('code_point'), schema: schemaShape })
  .strict();
const lineShape = z
  .object({
    id: z.string().regex(/^[0-9a-f]{6,64}$/, 'a document id is lowercase hex'),
    title: z.string(),
    status: z.enum(['new', 'in_progress', 'done']),
    attributes,
    meta: z
      .object({
        sourcePath: z.string(),
        sourceName: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        importedAt: z.string(),
        format: z.enum(SOURCE_FORMATS as [SourceFormat, ...SourceFormat[]]),
        byteLength: z.number().int().nonnegative(),
      })
      .catchall(z.unknown()),
    text: z.string(),
    blocks: z.array(
      z
        .object({
          type: z.enum(BLOCK_TYPES as [BlockType, ...BlockType[]]),
          start: offset,
          end: offset,
          level: z.number().int().positive().optional(),
          ordered: z.boolean().optional(),
          page: z.number().int().positive().optional(),
        })
        .strict(),
    ),
    spans: z.array(
      z
        .object({
          id: z.string().min(1),
          label: z.string().min(1),
          start: offset,
          end: offset,
          quote: z.string(),
          attributes,
          note: z.string().optional(),
          origin: z.string().optional(),
          author: z.string(),
          createdAt: stamp,
          updatedAt: stamp,
        })
        .strict(),
    ),
    relations: z.array(
      z
        .object({
          id: z.string().min(1),
          type: z.string().min(1),
          from: z.string().min(1),
          to: z.string().min(1),
          author: z.string(),
          createdAt: stamp,
        })
        .strict(),
    ),
  })
  .strict();

/** Describes the first zod issue as "field: message". */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not have the expected fields';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** Parses a JSON line, naming the syntax error. */
function parseJson(line: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${(err as Error).message})` };
  }
}

/**
 * Reads a line that may be the header.
 * @returns the schema when the line is a valid header, null when it is not a header at all
 *   (then it is a document line), or a reason when it is a header that cannot be used
 */
export function parseJsonlHeader(line: string): { schema: Schema } | { reason: string } | null {
  const parsed = parseJson(line);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || !('claimdesk' in parsed.value)) return null;
  const header = headerShape.safeParse(parsed.value);
  if (!header.success) return { reason: `the header line is not a Claimdesk JSONL header (${describeIssue(header.error)})` };
  if (header.data.version > JSONL_VERSION)
    return { reason: `the file was written by a newer Claimdesk (JSONL version ${header.data.version}, this one reads up to ${JSONL_VERSION})` };
  // The file's own objects (validated above), so key order survives a round trip.
  return { schema: (parsed.value as JsonlHeader).schema };
}

/**
 * Reads one document line: validates its shape, converts code points to UTF-16 and checks every
 * span's quote against the text and every relation's ends.
 * @returns the document, or the reason the line cannot be imported (the whole line is refused)
 */
export function parseJsonlLine(line: string): { doc: DocumentData } | { reason: string } {
  const parsed = parseJson(line);
  if (!parsed.ok) return { reason: parsed.reason };
  const shaped = lineShape.safeParse(parsed.value);
  if (!shaped.success) return { reason: `not a Claimdesk document (${describeIssue(shaped.error)})` };
  // The file's own objects (validated above), so key order survives a round trip.
  const d = parsed.value as z.infer<typeof lineShape>;
  const map = offsetMap(d.text);
  const u16 = (offset: number, what: string): number => {
    if (offset > map.codePointLength)
      throw new RangeError(`${what} offset ${offset} is past the end of the text (${map.codePointLength} code points)`);
    return map.utf16FromCodePoint(offset);
  };
  try {
    const blocks: Block[] = d.blocks.map((b, i) => ({ ...b, start: u16(b.start, `block ${i}`), end: u16(b.end, `block ${i}`) }));
    const annotations: Annotation[] = d.spans.map((s) => {
      const start = u16(s.start, `span ${s.id}`);
      const end = u16(s.end, `span ${s.id}`);
      if (start >= end) throw new RangeError(`span ${s.id}: [${s.start}, ${s.end}) is empty or reversed`);
      if (d.text.slice(start, end) !== s.quote) throw new RangeError(`span ${s.id}: its quote does not match the text at [${s.start}, ${s.end})`);
      return { ...s, start, end };
    });
    const ids = new Set<string>();
    for (const a of annotations) {
      if (ids.has(a.id)) throw new RangeError(`span id ${a.id} is used twice`);
      ids.add(a.id);
    }
    const relations: Relation[] = d.relations.map((r) => {
      for (const end of [r.from, r.to]) if (!ids.has(end)) throw new RangeError(`relation ${r.id}: span ${end} does not exist`);
      return r;
    });
    const doc: DocumentData = {
      id: d.id,
      title: d.title,
      text: d.text,
      blocks,
      meta: d.meta as DocumentData['meta'],
      status: d.status,
      attributes: d.attributes,
      annotations,
      relations,
    };
    return { doc };
  } catch (err) {
    if (err instanceof RangeError) return { reason: err.message };
    throw err;
  }
}

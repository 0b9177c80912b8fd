/**
 * Checks of what is read from disk (a document file, claimdesk.json) before any of it is used:
 * a file edited by hand, merged by git or tampered with is held to the same rules as API input.
 * Ids have their strict character sets (a document id names files, so a bad one could name a
 * path outside the workspace), names are sane, every span lies inside the text on whole
 * characters with a matching quote, ids are unique and relations join annotations that exist.
 * Pure; each check returns the first problem as a sentence, or null.
 */
import { checkSpan, OperationError } from './operations';
import { isDocId, isItemId, isName } from './keys';
import { BLOCK_TYPES, DOC_STATUSES } from './types';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isBlockType = (v: unknown): boolean => (BLOCK_TYPES as readonly unknown[]).includes(v);
/** An optional positive integer (a heading level, a list depth, a page number). */
const isOptionalCount = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1);

/**
 * The first problem of a whole document's content (a version-1 file, or a document an import
 * brings), or null when it can be used.
 * @param raw the parsed document
 */
export function documentFileProblem(raw: Raw): string | null {
  return articleFileProblem(raw) ?? layerContentProblem(raw, raw.text as string);
}

/** The first problem of an article file (`documents/<id>/article.json`), or null. */
export function articleFileProblem(raw: Raw): string | null {
  if (!isDocId(raw.id)) return 'its "id" is not a document id (6 to 64 lowercase hex digits)';
  if (typeof raw.text !== 'string' || typeof raw.title !== 'string') return 'its "text" or "title" is not text';
  const text = raw.text;
  if (!isRecord(raw.meta)) return 'its "meta" is not an object';
  if (!Array.isArray(raw.blocks)) return 'its "blocks" is not a list';
  for (const [i, b] of raw.blocks.entries()) {
    if (!isRecord(b) || !isBlockType(b.type) || !isOffset(b.start) || !isOffset(b.end) || b.start >= b.end || b.end > text.length)
      return `block ${i + 1} is not a heading, paragraph, quote or list item with a range inside the text`;
    if (!isOptionalCount(b.level) || !isOptionalCount(b.page) || !(b.ordered === undefined || typeof b.ordered === 'boolean'))
      return `block ${i + 1} has a "level" or "page" that is not a whole number from 1, or an "ordered" that is not true or false`;
  }
  return null;
}

/**
 * The first problem of a layer file, or null.
 * @param raw the parsed layer file
 * @param text the article's text (every span must lie inside it)
 * @param docId the document the file belongs to (by its place)
 * @param layer the layer the file belongs to (by its name)
 */
export function layerFileProblem(raw: Raw, text: string, docId: string, layer: string): string | null {
  if (raw.docId !== docId) return `it holds a layer of document ${JSON.stringify(raw.docId)}, not ${docId} as its place says`;
  if (raw.layer !== layer) return `it holds the layer ${JSON.stringify(raw.layer)}, not ${JSON.stringify(layer)} as its name says`;
  if (raw.conflicts !== undefined && !conflictsAreValid(raw.conflicts)) return 'its "conflicts" is not a list of fields with two values';
  if (raw.rejected !== undefined && !(Array.isArray(raw.rejected) && raw.rejected.every((k) => typeof k === 'string')))
    return 'its "rejected" is not a list of candidate keys';
  return layerContentProblem(raw, text);
}

const conflictsAreValid = (v: unknown): boolean =>
  Array.isArray(v) && v.every((c) => isRecord(c) && typeof c.field === 'string' && Array.isArray(c.values) && c.values.length === 2);

/** The first problem of a layer's status, attributes, annotations and relations over `text`, or null. */
function layerContentProblem(raw: Raw, text: string): string | null {
  if (!isRecord(raw.attributes)) return 'its "attributes" is not an object';
  if (typeof raw.status !== 'string' || !(DOC_STATUSES as readonly string[]).includes(raw.status))
    return `its "status" is not one of ${DOC_STATUSES.join(', ')}`;
  if (!Array.isArray(raw.annotations) || !Array.isArray(raw.relations)) return 'its "annotations" or "relations" is not a list';
  const ids = new Set<string>();
  for (const a of raw.annotations as unknown[]) {
    const problem = annotationProblem(a, text);
    if (problem) return problem;
    const id = (a as Raw).id as string;
    if (ids.has(id)) return `annotation id ${id} is used twice`;
    ids.add(id);
  }
  const relationIds = new Set<string>();
  for (const r of raw.relations as unknown[]) {
    if (!isRecord(r) || !isItemId(r.id)) return `a relation has no valid id (1 to 100 letters, digits or URL characters)`;
    if (relationIds.has(r.id)) return `relation id ${r.id} is used twice`;
    relationIds.add(r.id);
    if (!isName(r.type)) return `relation ${r.id}: its type is not a name`;
    if (typeof r.from !== 'string' || typeof r.to !== 'string' || !ids.has(r.from) || !ids.has(r.to))
      return `relation ${r.id}: an annotation it links does not exist`;
    if (typeof r.author !== 'string' || typeof r.createdAt !== 'string') return `relation ${r.id}: its author or time is not text`;
  }
  return null;
}

function annotationProblem(a: unknown, text: string): string | null {
  if (!isRecord(a) || !isItemId(a.id)) return 'an annotation has no valid id (1 to 100 letters, digits or URL characters)';
  const where = `annotation ${a.id}`;
  if (!isName(a.label)) return `${where}: its label is not a name (1 to 100 characters)`;
  if (!isOffset(a.start) || !isOffset(a.end) || typeof a.quote !== 'string') return `${where}: its range or quote is missing`;
  try {
    checkSpan(text, { id: a.id, start: a.start, end: a.end, quote: a.quote });
  } catch (err) {
    if (err instanceof OperationError) return err.message;
    throw err;
  }
  if (!isRecord(a.attributes) || !Object.keys(a.attributes).every(isName)) return `${where}: its attributes are not an object of named values`;
  if (a.note !== undefined && typeof a.note !== 'string') return `${where}: its note is not text`;
  if (a.origin !== undefined && typeof a.origin !== 'string') return `${where}: its origin is not text`;
  if (typeof a.author !== 'string' || typeof a.createdAt !== 'string' || typeof a.updatedAt !== 'string')
    return `${where}: its author or times are not text`;
  if (a.conflicts !== undefined && !conflictsAreValid(a.conflicts)) return `${where}: its "conflicts" is not a list of fields with two values`;
  return null;
}

/**
 * The first problem of claimdesk.json's document index, or null.
 * @param rows the parsed "documents" list
 */
export function documentRowsProblem(rows: readonly unknown[]): string | null {
  const ids = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (!isRecord(row) || !isDocId(row.id)) return `document ${i + 1} of its index has no valid id (6 to 64 lowercase hex digits)`;
    if (ids.has(row.id)) return `document id ${row.id} is listed twice`;
    ids.add(row.id);
    if (typeof row.title !== 'string' || typeof row.sha256 !== 'string') return `document ${row.id}: its title or hash is not text`;
  }
  return null;
}

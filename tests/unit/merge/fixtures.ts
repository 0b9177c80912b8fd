/** Small real workspace files for the merge tests: layers over one sentence, and a claimdesk.json with the default schema. */
import { canonicalLayer, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import type { Annotation, IndexRow, Relation } from '../../../shared/model/types';

export const DOC_ID = 'abc123';
export const TEXT = 'The minister said the budget would grow by ten percent next year, officials confirmed.';

/** An annotation over the first occurrence of `quote`, made by ann at t0. */
export function ann(id: string, label: string, quote: string, more: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new RangeError(`fixture: ${quote} is not in the text`);
  return { id, label, start, end: start + quote.length, quote, attributes: {}, author: 'ann', createdAt: 't0', updatedAt: 't0', ...more };
}

export const rel = (id: string, from: string, to: string, type = 'attributed_to'): Relation => ({
  id,
  type,
  from,
  to,
  author: 'ann',
  createdAt: 't0',
});

/** A layer of ann's in its stable form. */
export const layer = (annotations: readonly Annotation[], relations: readonly Relation[] = [], more: Partial<LayerFile> = {}): LayerFile =>
  canonicalLayer({ docId: DOC_ID, layer: 'ann', status: 'in_progress', attributes: {}, annotations, relations, ...more });

/** The same annotation with some fields changed (and updatedAt moved on). */
export const edit = (a: Annotation, change: Partial<Annotation>, at = 't1'): Annotation => ({ ...a, ...change, updatedAt: at });

/** The annotation of `id` in a layer (throws when it is not there). */
export function find(l: LayerFile, id: string): Annotation {
  const a = l.annotations.find((x) => x.id === id);
  if (!a) throw new RangeError(`fixture: no annotation ${id}`);
  return a;
}

export const CLAIM = ann('c1', 'Claim', 'the budget would grow by ten percent next year');
export const SOURCE = ann('s1', 'Source', 'The minister');
export const CUE = ann('q1', 'Cue', 'said');
export const OFFICIALS = ann('s2', 'Source', 'officials');
export const LINK = rel('r1', 'c1', 's1');

export const row = (id: string, title: string): IndexRow => ({
  id,
  title,
  sourceName: `${title}.txt`,
  sha256: id.repeat(4),
  textSha256: id.repeat(3),
  importedAt: '2026-01-01T00:00:00.000Z',
  length: 100,
});

/** claimdesk.json as a version-2 workspace writes it. */
export const indexFile = (documents: readonly IndexRow[], more: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 2,
  schema: DEFAULT_SCHEMA,
  documents,
  settings: { theme: 'light' },
  ...more,
});

export const article = (title: string): ArticleFile => ({
  version: 2,
  id: DOC_ID,
  title,
  meta: { sourcePath: '/in/a.txt', sourceName: 'a.txt', sha256: 'f'.repeat(64), importedAt: 't0', format: 'txt', byteLength: TEXT.length },
  text: TEXT,
  blocks: [{ type: 'paragraph', start: 0, end: TEXT.length }],
});

/** JSON text as the store writes it. */
export const pretty = (v: unknown): string => JSON.stringify(v, null, 2);

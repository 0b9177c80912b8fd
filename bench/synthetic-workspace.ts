/**
 * Generated documents for the benchmarks that build a real workspace on disk (agreement, workspace
 * claims): a seeded text of letters and spaces, and one plain-text document entry per number,
 * ready for Workspace.importAnnotatedDocuments. Each document's text is the shared one with its
 * number in front, so no two are the same.
 */
import type { Annotation, DocStatus, Relation } from '../shared/model/types';

/** `length` random lowercase letters and spaces (about one in seven), from `random`. */
export function letterText(random: () => number, length: number): string {
  return Array.from({ length }, () => (random() < 0.15 ? ' ' : String.fromCharCode(97 + Math.floor(random() * 26)))).join('');
}

/** Document `d`'s own text: `base` with the number in front. */
export const ownText = (base: string, d: number): string => `${String(d).padStart(6, '0')}${base.slice(6)}`;

/** Document `d` as an import entry: one paragraph of `text`, with its annotations (quotes taken from `text`) and relations. */
export function documentEntry(
  d: number,
  text: string,
  fields: Readonly<{ title: string; status: DocStatus; annotations: readonly Annotation[]; relations: readonly Relation[] }>,
) {
  return {
    name: `${d}.txt`,
    doc: {
      id: `${(d + 0x100000).toString(16)}`,
      title: fields.title,
      text,
      blocks: [{ type: 'paragraph' as const, start: 0, end: text.length }],
      meta: {
        sourcePath: `bench/${d}.txt`,
        sourceName: `${d}.txt`,
        sha256: `${d}`,
        importedAt: 't0',
        format: 'txt' as const,
        byteLength: text.length,
      },
      status: fields.status,
      attributes: {},
      annotations: fields.annotations.map((a) => ({ ...a, quote: text.slice(a.start, a.end) })),
      relations: fields.relations,
    },
  };
}

/** The median of `times` (sorted in place). */
export function median(times: number[]): number {
  return times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
}

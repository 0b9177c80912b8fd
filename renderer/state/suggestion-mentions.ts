/**
 * What the "every occurrence" suggestions (#15) depend on besides the text, as one string: the
 * document and its tagged Source and Entity mentions with their attributes (an occurrence
 * carries its tagged mention's attributes). The same string on the same text means the same
 * occurrences. Pure.
 */
import type { Annotation, DocId } from '../../shared/model/types';
import { MENTION_LABELS } from '../../shared/model/vocabulary';

/** @returns the signature of the tagged mentions of `annotations` in document `docId` */
export function mentionSignature(docId: DocId, annotations: readonly Annotation[]): string {
  let out = `${docId}|`;
  for (const a of annotations) if (MENTION_LABELS.has(a.label)) out += `${a.label}:${a.start}-${a.end}:${JSON.stringify(a.attributes)};`;
  return out;
}

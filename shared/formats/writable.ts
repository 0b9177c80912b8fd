/**
 * The last guard before a serializer: spans no format can write (an edge between the halves of
 * a surrogate pair, a range outside the text, a quote that no longer matches) are left out of
 * the export, with the relations that touch them, and reported as problems. The API, every
 * import and the file checks refuse such spans already; this keeps one that slipped through
 * from failing the export of a whole workspace. Pure.
 */
import { offsetMap } from '../anchoring/code-points';
import { checkSpan, OperationError, splitsSurrogatePair } from '../model/operations';
import type { Annotation, DocumentData } from '../model/types';
import type { ExportProblem } from './report';

/** Why a span cannot be written, or null when it can. */
function unwritable(text: string, a: Annotation): string | null {
  try {
    checkSpan(text, a);
    return null;
  } catch (err) {
    if (err instanceof OperationError) return err.message;
    throw err;
  }
}

/**
 * A document with only the spans that can be written.
 * @returns the document (the same object when every span is fine) and a problem per span left out
 */
export function withWritableSpans(doc: DocumentData): { doc: DocumentData; problems: ExportProblem[] } {
  const reasons = new Map<string, string>();
  for (const a of doc.annotations) {
    const reason = unwritable(doc.text, a);
    if (reason !== null) reasons.set(a.id, reason);
  }
  if (reasons.size === 0) return { doc, problems: [] };
  const offsets = offsetMap(doc.text);
  // An offset inside a pair is reported at the start of its character; one outside the text at its end.
  const codePoint = (at: number) => {
    const inside = Math.min(Math.max(0, Number.isInteger(at) ? at : 0), doc.text.length);
    return offsets.codePointFromUtf16(splitsSurrogatePair(doc.text, inside) ? inside - 1 : inside);
  };
  const problems = doc.annotations
    .filter((a) => reasons.has(a.id))
    .map((a): ExportProblem => ({
      docId: doc.id,
      kind: 'unwritable',
      spanId: a.id,
      label: a.label,
      start: codePoint(a.start),
      end: codePoint(a.end),
      quote: [...a.quote].slice(0, 80).join(''),
      message: `left out: ${reasons.get(a.id)!}`,
    }));
  return {
    doc: {
      ...doc,
      annotations: doc.annotations.filter((a) => !reasons.has(a.id)),
      relations: doc.relations.filter((r) => !reasons.has(r.from) && !reasons.has(r.to)),
    },
    problems,
  };
}

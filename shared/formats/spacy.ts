/**
 * spaCy / Prodigy-style JSONL: one line per document with `text`, `tokens` (text, start, end,
 * id, ws), `spans` (start, end, token_start, token_end INCLUSIVE, label) and `relations` (head and
 * child are the index of each span's LAST token, with head_span and child_span, label), offsets
 * in code points. Overlapping spans are kept (spaCy span groups hold them); a span that cuts a
 * token keeps its exact offsets, gets the tokens it touches, and is reported. Attributes and notes
 * are not kept. Pure.
 */
import type { DocumentSerializer, SerializerContext } from './serializer';
import { isDryRun, streamed } from './serializer';
import { requireTokenizer } from './conll';
import { alignDocument, type AlignedSpan } from './tokens';

/** A serializer for one spaCy JSONL file. */
export function createSpacySerializer(ctx: SerializerContext): DocumentSerializer {
  const tokenizer = requireTokenizer(ctx);
  return {
    header: () => '',
    document(doc) {
      const aligned = alignDocument(doc.text, doc.id, doc.annotations, tokenizer);
      if (isDryRun(ctx)) return streamed('', aligned.problems, aligned.layerCount);
      const cp = aligned.offsets.codePointFromUtf16;
      const spanOf = (s: AlignedSpan) => ({
        start: cp(s.annotation.start),
        end: cp(s.annotation.end),
        token_start: s.range.first,
        token_end: s.range.last,
        label: s.annotation.label,
      });
      const byId = new Map(aligned.spans.map((s) => [s.annotation.id, s]));
      const relations = doc.relations.flatMap((r) => {
        const head = byId.get(r.from);
        const child = byId.get(r.to);
        return head && child
          ? [{ head: head.range.last, child: child.range.last, head_span: spanOf(head), child_span: spanOf(child), label: r.type }]
          : [];
      });
      const line = {
        text: doc.text,
        meta: {
          id: doc.id,
          ...(doc.annotator === undefined ? {} : { annotator: doc.annotator }),
          title: doc.title,
          tokenizer: tokenizer.name,
          offset_unit: 'code_point',
        },
        tokens: aligned.tokens.map((t, id) => ({ text: t.text, start: cp(t.start), end: cp(t.end), id, ws: t.ws })),
        spans: aligned.spans.map(spanOf),
        relations,
      };
      return streamed(`${JSON.stringify(line)}\n`, aligned.problems, aligned.layerCount);
    },
    footer: () => '',
  };
}

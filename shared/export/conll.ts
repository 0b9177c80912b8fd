/**
 * CoNLL IOB2: one token per line (token, then one tag column per layer), a blank line between
 * sentences, `-DOCSTART-` before each document. Overlapping spans go to further tag columns
 * (layer 0 holds the outermost), so no span is lost; a sentence break inside a span is not
 * written, so no tag sequence starts with I-. The tokenizer is named in `# ` comment lines at
 * the top of the file, before the first -DOCSTART-. Relations and attributes are not kept. Pure.
 */
import type { DocumentSerializer, SerializerContext } from './format';
import { streamed } from './format';
import { problemAt, type ExportProblem } from './report';
import { alignDocument, iobTags, type AlignedDocument, type Tokenizer } from './tokens';

/** The tokenizer of a token format's context. @throws TypeError when there is none */
export function requireTokenizer(ctx: SerializerContext): Tokenizer {
  if (!ctx.tokenizer) throw new TypeError('this export format needs a tokenizer');
  return ctx.tokenizer;
}

/**
 * Reports the spans on layers at or past `layers` (they have no tag column) as overlaps.
 * @returns the problems, one per span left out
 */
export function layerProblems(docId: string, aligned: AlignedDocument, layers: number, format: string): ExportProblem[] {
  return aligned.spans
    .filter((s) => s.layer >= layers)
    .map((s) => problemAt(docId, s.annotation, aligned.offsets, 'overlap', `overlaps another span; ${format} has one tag per token, so it is left out`));
}

/** A serializer for one CoNLL file. */
export function createConllSerializer(ctx: SerializerContext): DocumentSerializer {
  const tokenizer = requireTokenizer(ctx);
  const fixed = Math.max(1, ctx.layerCount);
  return {
    header: () => `# tokenizer = ${tokenizer.name}\n# columns = TOKEN ${Array.from({ length: fixed }, (_, i) => `TAG${i + 1}`).join(' ')}\n# scheme = IOB2\n`,
    document(doc) {
      const aligned = alignDocument(doc.text, doc.id, doc.annotations, tokenizer);
      // layerCount 0 (a dry run) gives each document the columns it needs.
      const layers = ctx.layerCount === 0 ? Math.max(1, aligned.layerCount) : fixed;
      const empty = '\tO'.repeat(layers);
      const columns = Array.from({ length: layers }, (_, layer) => iobTags(aligned.tokens.length, aligned.spans, layer));
      let text = `-DOCSTART-${empty}\n\n`;
      for (const [from, to] of aligned.segments) {
        for (let i = from; i < to; i++) text += `${aligned.tokens[i]!.text}\t${columns.map((c) => c[i]).join('\t')}\n`;
        text += '\n';
      }
      return streamed(text, [...aligned.problems, ...layerProblems(doc.id, aligned, layers, 'CoNLL at this column count')], aligned.layerCount);
    },
    footer: () => '',
  };
}

/**
 * CoNLL IOB2: one token per line (token, then one tag column per layer), a blank line between
 * sentences, `-DOCSTART- (<document id>)` before each document (its first field stays `-DOCSTART-`,
 * so the Hugging Face conll2003 loader and flair's ColumnCorpus still take it as a boundary).
 * Tags keep the schema's spelling of labels (`B-Claim`). Overlapping spans go to further tag
 * columns (layer 0 holds the outermost), so no span is lost; a sentence break inside a span is not
 * written, so no tag sequence starts with I-. The tokenizer is named in `# ` comment lines at
 * the top of the file, before the first -DOCSTART-. Relations and attributes are not kept. Pure.
 */
import type { DocumentSerializer, SerializerContext } from './serializer';
import { isDryRun, streamed } from './serializer';
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
    .map((s) =>
      problemAt(docId, s.annotation, aligned.offsets, 'overlap', `overlaps another span; ${format} has one tag per token, so it is left out`),
    );
}

/** A serializer for one CoNLL file. */
export function createConllSerializer(ctx: SerializerContext): DocumentSerializer {
  const tokenizer = requireTokenizer(ctx);
  const fixed = Math.max(1, ctx.layerCount);
  return {
    header: () =>
      `# tokenizer = ${tokenizer.name}\n# columns = TOKEN ${Array.from({ length: fixed }, (_, i) => `TAG${i + 1}`).join(' ')}\n# scheme = IOB2\n`,
    document(doc) {
      const aligned = alignDocument(doc.text, doc.id, doc.annotations, tokenizer);
      // A dry run gives each document the columns it needs.
      const layers = isDryRun(ctx) ? Math.max(1, aligned.layerCount) : fixed;
      const problems = [...aligned.problems, ...layerProblems(doc.id, aligned, layers, 'CoNLL at this column count')];
      if (isDryRun(ctx)) return streamed('', problems, aligned.layerCount);
      const columns = Array.from({ length: layers }, (_, layer) => iobTags(aligned.tokens.length, aligned.spans, layer));
      // The tag columns of each token, tab-separated.
      const tags = layers === 1 ? columns[0]! : columns[0]!.map((_, i) => columns.map((c) => c[i]).join('\t'));
      let text = `-DOCSTART- (${doc.id})${'\tO'.repeat(layers)}\n\n`;
      for (const [from, to] of aligned.segments) {
        for (let i = from; i < to; i++) text += `${aligned.tokens[i]!.text}\t${tags[i]}\n`;
        text += '\n';
      }
      return streamed(text, problems, aligned.layerCount);
    },
    footer: () => '',
  };
}

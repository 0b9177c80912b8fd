/**
 * Hugging Face token classification JSONL: one line per sentence (sentences merged where a span
 * crosses a break) with `tokens` and `ner_tags` as integers into the ClassLabel names of the
 * sidecar labels.json (O, then B-/I- for each exported label in schema order). One tag per token:
 * a span that overlaps an outer one is left out and reported. Relations and attributes are not
 * kept. Pure.
 */
import type { DocumentSerializer, NamedText, SerializerContext } from './serializer';
import { isDryRun, streamed } from './serializer';
import { layerProblems, requireTokenizer } from './conll';
import { alignDocument, iobTag, iobTags } from './tokens';

/** The ClassLabel names: O, then B-X and I-X for each label in order. */
export function hfLabelNames(labels: readonly string[]): string[] {
  return ['O', ...labels.flatMap((l) => [iobTag('B', l), iobTag('I', l)])];
}

/** The labels.json sidecar: names, tokenizer, scheme. */
export function hfSidecars(ctx: SerializerContext): NamedText[] {
  const sidecar = {
    names: hfLabelNames(ctx.labels),
    scheme: 'IOB2',
    tokenizer: requireTokenizer(ctx).name,
    features: { tokens: 'Sequence(Value("string"))', ner_tags: 'Sequence(ClassLabel(names))' },
  };
  return [{ name: 'labels.json', text: `${JSON.stringify(sidecar, null, 2)}\n` }];
}

/** A serializer for one HF JSONL file. */
export function createHfSerializer(ctx: SerializerContext): DocumentSerializer {
  const tokenizer = requireTokenizer(ctx);
  const index = new Map(hfLabelNames(ctx.labels).map((n, i) => [n, i]));
  return {
    header: () => '',
    document(doc) {
      const aligned = alignDocument(doc.text, doc.id, doc.annotations, tokenizer);
      const problems = [...aligned.problems, ...layerProblems(doc.id, aligned, 1, 'ner_tags')];
      if (isDryRun(ctx)) return streamed('', problems, aligned.layerCount);
      const tags = iobTags(aligned.tokens.length, aligned.spans, 0);
      let text = '';
      aligned.segments.forEach(([from, to], n) => {
        const tokens = aligned.tokens.slice(from, to).map((t) => t.text);
        const ner = tags.slice(from, to).map((t) => index.get(t) ?? 0);
        text += `${JSON.stringify({ id: `${doc.id}${doc.annotator === undefined ? '' : `-${doc.annotator}`}-${n}`, document_id: doc.id, ...(doc.annotator === undefined ? {} : { annotator: doc.annotator }), tokens, ner_tags: ner })}\n`;
      });
      return streamed(text, problems, aligned.layerCount);
    },
    footer: () => '',
  };
}

/** Helpers for the export unit tests: serialize the fixture the way the export service does. */
import type { ExportFormat, NamedText, SerializerContext } from '../../../shared/export/format';
import { FORMAT_SPECS } from '../../../shared/export/formats';
import type { ExportProblem } from '../../../shared/export/report';
import type { Tokenizer } from '../../../shared/export/tokens';
import type { DocumentData, Schema } from '../../../shared/model/types';

/** Everything one format makes of some documents: the stream text, whole files, sidecars and problems. */
export type Serialized = { stream: string; files: NamedText[]; problems: ExportProblem[] };

/**
 * Serializes documents in one format: a dry run for the layer count (as the service does), then the real pass.
 */
export function serializeAll(format: ExportFormat, docs: readonly DocumentData[], schema: Schema, tokenizer: Tokenizer | null): Serialized {
  const spec = FORMAT_SPECS[format];
  const base = { schema, labels: schema.labels.map((l) => l.name), tokenizer };
  const dry = spec.create({ ...base, layerCount: 0 });
  const layerCount = Math.max(1, ...docs.map((d) => dry.document(d).layerCount));
  const ctx: SerializerContext = { ...base, layerCount };
  const s = spec.create(ctx);
  let stream = s.header();
  const files: NamedText[] = [...spec.sidecars(ctx)];
  const problems: ExportProblem[] = [];
  for (const doc of docs) {
    const r = s.document(doc);
    stream += r.text;
    files.push(...r.files);
    problems.push(...r.problems);
  }
  stream += s.footer();
  return { stream, files, problems };
}

/** Helpers for the export unit tests: serialize the fixture the way the export service does. */
import type { ExportFormat, NamedText, SerializerContext } from '../../../shared/formats/serializer';
import { FORMAT_SPECS } from '../../../shared/formats/format-specs';
import type { ExportProblem } from '../../../shared/formats/report';
import { parseJsonlHeader, parseJsonlLine, type LineProblem } from '../../../shared/formats/jsonl';
import type { Tokenizer } from '../../../shared/formats/tokens';
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

/**
 * Parses a whole JSONL text as the services do line by line (parseJsonlHeader, then
 * parseJsonlLine for each line). Blank lines are skipped.
 * @returns the schema from the header (null when there is none), the documents, and a problem per bad line
 */
export function parseJsonl(text: string): { schema: Schema | null; documents: DocumentData[]; problems: LineProblem[] } {
  const documents: DocumentData[] = [];
  const problems: LineProblem[] = [];
  let schema: Schema | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    if (documents.length === 0 && schema === null) {
      const header = parseJsonlHeader(line);
      if (header && 'schema' in header) {
        schema = header.schema;
        return;
      }
      if (header) {
        problems.push({ line: i + 1, reason: header.reason });
        return;
      }
    }
    const result = parseJsonlLine(line);
    if ('doc' in result) documents.push(result.doc);
    else problems.push({ line: i + 1, reason: result.reason });
  });
  return { schema, documents, problems };
}

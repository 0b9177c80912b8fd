/**
 * Golden files for every export format, built from the fixture (overlapping and nested spans,
 * a claim with two sources, attributes of every kind, notes, emoji, CJK, a combining mark,
 * right-to-left script, a CRLF source). tests/unit/golden/export/<format>/ holds the output and
 * report.json (every span the format could not express). `UPDATE_GOLDEN=1` rewrites them.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/formats/serializer';
import { FORMAT_SPECS } from '../../../shared/formats/format-specs';
import { icuTokenizer } from '../../../shared/formats/icu-tokenizer';
import type { DocumentData } from '../../../shared/model/types';
import { fixtureDocuments, FIXTURE_SCHEMA } from '../../fixtures/export/fixture';
import { serializeAll } from './support';

const GOLDEN = join(import.meta.dirname, '..', 'golden', 'export');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let docs: DocumentData[];
beforeAll(async () => {
  docs = await fixtureDocuments();
});

/** The golden file name of a format's stream. */
const streamFile = (format: ExportFormat): string => `export${FORMAT_SPECS[format].extension ?? ''}`;

async function compare(path: string, actual: string): Promise<void> {
  if (UPDATE) {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, actual);
    return;
  }
  expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(await readFile(path, 'utf8'));
}

describe('export golden files', () => {
  it.each(EXPORT_FORMATS)('%s matches its golden files', async (format) => {
    const out = serializeAll(
      format,
      docs,
      FIXTURE_SCHEMA,
      FORMAT_SPECS[format].needsTokenizer ? icuTokenizer(process.versions.icu ?? 'unknown') : null,
    );
    const dir = join(GOLDEN, format);
    if (FORMAT_SPECS[format].extension !== null) await compare(join(dir, streamFile(format)), out.stream);
    for (const f of out.files) await compare(join(dir, f.name), f.text);
    await compare(join(dir, 'report.json'), `${JSON.stringify(out.problems, null, 2)}\n`);
  });

  it('reports what each lossy format cannot express, and nothing for JSONL', () => {
    const tokenizer = icuTokenizer(process.versions.icu ?? 'unknown');
    const kinds = (format: ExportFormat) =>
      new Set(serializeAll(format, docs, FIXTURE_SCHEMA, tokenizer).problems.map((p) => `${p.kind}:${p.spanId}`));
    expect(kinds('jsonl').size).toBe(0);
    // "splinter" cuts the token "splintering": every token format says so.
    for (const f of ['conll', 'hf', 'spacy'] as const) expect(kinds(f)).toContain('misaligned:ev2');
    // One tag per token: HF cannot hold the nested Source inside the claim; CoNLL gives it a column.
    expect(kinds('hf')).toContain('overlap:s4');
    expect([...kinds('conll')].some((k) => k.startsWith('overlap:'))).toBe(false);
    // brat has no free-text attributes and one-line notes.
    expect(kinds('brat')).toContain('attribute:c1');
    expect(kinds('brat')).toContain('note:c1');
  });
});

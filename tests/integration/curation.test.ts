/**
 * startCuration on a real workspace in a temp folder: two annotators' layers written through
 * applyChanges, the curated layer made with what the policy accepts (links included) and the
 * status in_progress, left alone when it exists, made once under concurrent calls, and exported
 * with layer 'curated' and read back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCuration } from '../../electron/services/curation';
import { exportDocuments } from '../../electron/services/export/export';
import { Workspace } from '../../electron/services/workspace';
import { WHOLE_WORKSPACE } from '../../shared/formats/scope';
import { CURATED_LAYER } from '../../shared/model/layers';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, Attributes, DocumentData } from '../../shared/model/types';
import { parseJsonl } from '../unit/formats/support';
import { tempDir } from './support/temp';

const BODY = '"The grid fails tonight," Hill said, citing outage data. Rain is expected soon.';

/** A workspace with one article; returns it and the article's id and text. */
async function oneArticle(): Promise<{ ws: Workspace; docId: string; text: string }> {
  const dir = await tempDir();
  const file = join(dir, 'grid.txt');
  await writeFile(file, `Grid warning\n\n${BODY}\n`);
  const ws = await Workspace.open(join(dir, 'ws'));
  const report = await ws.importPaths([file]);
  const docId = report.imported[0]!.row.id;
  return { ws, docId, text: (await ws.readDocument(docId, null)).text };
}

/** An annotation by `author` over the first occurrence of `quote`. */
function span(text: string, author: string, id: string, label: string, quote: string, attributes: Attributes = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new RangeError(`"${quote}" is not in the text`);
  return {
    id,
    label,
    start,
    end: start + quote.length,
    quote,
    attributes,
    author,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** The operations that write one annotator's layer: spans, then links [from, to] (attributed_to). */
function layerOps(spans: readonly Annotation[], links: readonly (readonly [string, string])[]): Operation[] {
  return [
    ...spans.map((annotation): Operation => ({ op: 'addAnnotation', annotation })),
    ...links.map(([from, to], i): Operation => ({
      op: 'addRelation',
      relation: { id: `${spans[0]!.author}-r${i}`, type: 'attributed_to', from, to, author: spans[0]!.author, createdAt: '2026-01-01T00:00:00Z' },
    })),
  ];
}

/**
 * ann and bob agree on the claim (same attribute) and its source with the link; they differ on
 * the evidence's bounds; only bob tags the cue.
 */
async function twoAnnotators() {
  const { ws, docId, text } = await oneArticle();
  const claim = (author: string) => span(text, author, `${author}-c`, 'Claim', 'The grid fails tonight', { claim_type: 'prediction' });
  const source = (author: string) => span(text, author, `${author}-s`, 'Source', 'Hill');
  await ws.applyChanges(
    docId,
    'ann',
    layerOps([claim('ann'), source('ann'), span(text, 'ann', 'ann-e', 'Evidence', 'outage data')], [['ann-c', 'ann-s']]),
  );
  await ws.applyChanges(
    docId,
    'bob',
    layerOps(
      [claim('bob'), source('bob'), span(text, 'bob', 'bob-e', 'Evidence', 'citing outage data'), span(text, 'bob', 'bob-q', 'Cue', 'said')],
      [['bob-c', 'bob-s']],
    ),
  );
  return { ws, docId, text };
}

const quotes = (doc: DocumentData) => doc.annotations.map((a) => `${a.label}:${a.quote}`);

describe('startCuration', () => {
  it('makes the curated layer with what all annotators agree on, links included, in progress, authored by the curator', async () => {
    const { ws, docId } = await twoAnnotators();
    const { row, accepted } = await startCuration(ws, docId, 'all', 'carol');
    expect(accepted).toBe(2);
    expect(row.layers[CURATED_LAYER]).toMatchObject({ status: 'in_progress', annotationCount: 2 });
    const curated = await ws.readDocument(docId, CURATED_LAYER);
    expect(quotes(curated)).toEqual(['Claim:The grid fails tonight', 'Source:Hill']);
    expect(curated.annotations[0]).toMatchObject({ attributes: { claim_type: 'prediction' }, author: 'carol' });
    expect(curated.relations).toMatchObject([
      { type: 'attributed_to', from: curated.annotations[0]!.id, to: curated.annotations[1]!.id, author: 'carol' },
    ]);
    expect(curated.status).toBe('in_progress');
    // The annotators' layers are untouched.
    expect((await ws.readDocument(docId, 'ann')).annotations).toHaveLength(3);
    await ws.close();
  });

  it('leaves an existing curated layer as it is', async () => {
    const { ws, docId } = await twoAnnotators();
    await startCuration(ws, docId, 'none');
    const file = join(ws.path, 'documents', docId, 'curated.json');
    const before = await readFile(file, 'utf8');
    const again = await startCuration(ws, docId, 'all');
    expect(again.accepted).toBe(0);
    expect(again.row.layers[CURATED_LAYER]).toMatchObject({ status: 'in_progress', annotationCount: 0 });
    expect(await readFile(file, 'utf8')).toBe(before);
    await ws.close();
  });

  it('makes the layer once when called twice at the same time', async () => {
    const { ws, docId } = await twoAnnotators();
    const results = await Promise.all([startCuration(ws, docId, 'majority'), startCuration(ws, docId, 'majority')]);
    expect(results.map((r) => r.accepted).sort()).toEqual([0, 2]);
    expect((await ws.readDocument(docId, CURATED_LAYER)).annotations).toHaveLength(2);
    await ws.close();
  });

  it('under "none" still makes the curated layer, empty and in progress', async () => {
    const { ws, docId } = await twoAnnotators();
    const { accepted } = await startCuration(ws, docId, 'none');
    expect(accepted).toBe(0);
    const rows = ws.listDocuments('ann');
    expect(rows[0]!.layers[CURATED_LAYER]).toMatchObject({ status: 'in_progress', annotationCount: 0 });
    await ws.close();
  });

  it('refuses an unknown document with NOT_FOUND', async () => {
    const { ws } = await oneArticle();
    await expect(startCuration(ws, 'abcdef0123456789', 'all')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await ws.close();
  });

  it('exports exactly the curated layer with layer "curated", read back from the file', async () => {
    const { ws, docId, text } = await twoAnnotators();
    await startCuration(ws, docId, 'all', 'carol');
    // The curator accepts bob's evidence by hand, as the window does: one more change to the curated layer.
    const evidence = span(text, 'carol', 'carol-e', 'Evidence', 'citing outage data');
    await ws.applyChanges(docId, CURATED_LAYER, [{ op: 'addAnnotation', annotation: evidence }]);
    const out = join(await tempDir(), 'curated.jsonl');
    await exportDocuments(ws, { format: 'jsonl', out, scope: { ...WHOLE_WORKSPACE, layer: CURATED_LAYER }, split: null, force: false });
    const { documents, problems } = parseJsonl(await readFile(out, 'utf8'));
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(1);
    expect(quotes(documents[0]!)).toEqual(['Claim:The grid fails tonight', 'Source:Hill', 'Evidence:citing outage data']);
    expect(documents[0]!.relations).toHaveLength(1);
    await ws.close();
  });
});

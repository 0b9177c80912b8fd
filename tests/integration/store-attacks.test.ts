/**
 * The attacks on the store from issue 16, replayed so that each stays closed: concurrent calls
 * from several clients (every acknowledged operation must be stored), offsets inside surrogate
 * pairs, tampered files whose ids would name paths outside the workspace, replays of an id with
 * other content, labels named like object properties, large batches, and workspace folders that
 * are not plain folders. Real host over HTTP, real files in temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ClaimdeskApi } from '../../shared/api';
import { DEFAULT_SCHEMA } from '../../shared/model/default-schema';
import type { ExportReport } from '../../shared/formats/report';
import type { Annotation, Relation } from '../../shared/model/types';
import { createClient, httpSend } from '../../renderer/api/client';
import { startHost, type RunningHost } from '../../electron/host';
import { openAppSettings } from '../../electron/services/app-paths';
import { exportDocuments } from '../../electron/services/export/export';
import { Workspace } from '../../electron/services/workspace';
import { ANALYST, articleFile, layerFile, readLayerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
const stamp = '2026-12-06T00:00:00.000Z';

/** An annotation of `quote` (its first occurrence) in `text`. */
function spanOf(text: string, quote: string, id: string, label = 'Claim', from = 0): Annotation {
  const start = text.indexOf(quote, from);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  return { id, label, start, end: start + quote.length, quote, attributes: {}, author: 'tester', createdAt: stamp, updatedAt: stamp };
}

/** The code of the ApiError a call fails with. */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('the call succeeded');
}

describe('concurrent calls through the host', () => {
  let dir: string;
  let host: RunningHost;
  let clients: ClaimdeskApi[];
  let docId: string;
  let text: string;
  /** The analyst the host's API saves as (Preferences' author): the layer every call below writes. */
  let me: string;

  beforeAll(async () => {
    dir = await tempDir();
    const workspace = await Workspace.open(dir);
    docId = (await workspace.importPaths([ENVOY])).imported[0]!.row.id;
    host = await startHost({ workspace, settings: await openAppSettings(), rendererDir: await tempDir() });
    // Three clients, as two windows and the CLI would be: each its own connection pool.
    clients = [0, 1, 2].map(() => createClient(httpSend(`http://127.0.0.1:${host.port}`, host.token)));
    text = (await clients[0]!.getDocument({ docId })).text;
    me = (await clients[0]!.getWorkspace()).annotator;
  });
  afterAll(() => host.close());

  it('keeps all 50 annotations added by 50 parallel calls, in memory and on disk', async () => {
    const words = [...text.matchAll(/\b[A-Za-z]{4,}\b/g)].slice(0, 50);
    expect(words).toHaveLength(50);
    const annotations = words.map((m, i) => ({ ...spanOf(text, m[0], `par-${i}`, 'Claim', m.index), start: m.index, end: m.index + m[0].length }));
    const acks = await Promise.all(
      annotations.map((annotation, i) => clients[i % 3]!.applyChanges({ docId, ops: [{ op: 'addAnnotation', annotation }] })),
    );
    expect(acks).toHaveLength(50);
    const ids = annotations.map((a) => a.id).sort();
    const inMemory = (await clients[1]!.getDocument({ docId })).annotations.map((a) => a.id).filter((id) => id.startsWith('par-'));
    expect(inMemory.sort()).toEqual(ids);
    const stored = (await readLayerFile(dir, docId, me)).annotations.map((a) => a.id).filter((id) => id.startsWith('par-'));
    expect(stored.sort()).toEqual(ids);
  });

  it('keeps every annotation and status change when applyChanges and updateDocument interleave', async () => {
    const statuses = ['in_progress', 'done', 'new'] as const;
    for (let round = 0; round < 10; round++) {
      const annotation = spanOf(text, 'Hill', `round-${round}`, 'Source');
      const status = statuses[round % 3]!;
      await Promise.all([
        clients[0]!.applyChanges({ docId, ops: [{ op: 'addAnnotation', annotation }] }),
        clients[1]!.applyChanges({ docId, ops: [{ op: 'updateDocument', before: {}, after: { status } }] }),
      ]);
      const stored = await readLayerFile(dir, docId, me);
      expect(
        stored.annotations.some((a) => a.id === annotation.id),
        `round ${round}`,
      ).toBe(true);
      expect(stored.status, `round ${round}`).toBe(status);
    }
  });
});

describe('offsets inside a surrogate pair', () => {
  const TEXT = 'Emoji 😀 in a sentence, and more words after it.\n';

  it('are refused by the API with a message saying what to do, and nothing is stored', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'emoji.txt'), TEXT);
    const ws = await Workspace.open(join(dir, 'ws'));
    const docId = (await ws.importPaths([join(dir, 'emoji.txt')])).imported[0]!.row.id;
    const doc = await ws.openDocument(docId, ANALYST);
    const at = doc.text.indexOf('😀');
    const split: Annotation = { ...spanOf(doc.text, 'in', 's1'), start: at + 1, end: at + 5, quote: doc.text.slice(at + 1, at + 5) };
    const refused = await failure(ws.applyChanges(docId, ANALYST, [{ op: 'addAnnotation', annotation: split }]));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/inside a character/);
    expect((await ws.openDocument(docId, ANALYST)).annotations).toEqual([]);
    // The whole character is fine.
    await ws.applyChanges(docId, ANALYST, [{ op: 'addAnnotation', annotation: { ...split, start: at, quote: doc.text.slice(at, at + 5) } }]);
    await ws.close();
  });

  it('are refused when a corpus brings them (the store step every corpus import goes through), the rest imported', async () => {
    const ws = await Workspace.open(await tempDir());
    const at = TEXT.indexOf('😀');
    const docOf = (text: string, start: number) => ({
      id: '',
      title: 'Emoji',
      text,
      blocks: [{ type: 'paragraph' as const, start: 0, end: text.length - 1 }],
      meta: { sourcePath: 'x', sourceName: 'x.txt', sha256: 'none', importedAt: stamp, format: 'txt' as const, byteLength: 1 },
      status: 'new' as const,
      attributes: {},
      annotations: [{ ...spanOf(text, 'Emoji', 'a1'), start, end: at + 5, quote: text.slice(start, at + 5) }],
      relations: [],
    });
    const report = await ws.importAnnotatedDocuments(
      [
        { name: 'split.jsonl:2', doc: docOf(TEXT, at + 1) },
        { name: 'whole.jsonl:2', doc: docOf(`${TEXT} `, at) },
      ],
      { fallback: ANALYST },
    );
    expect(report.failed.map((f) => f.name)).toEqual(['split.jsonl:2']);
    expect(report.failed[0]!.reason).toMatch(/inside a character/);
    expect(report.imported.map((i) => i.name)).toEqual(['whole.jsonl:2']);
    await ws.close();
  });
});

describe('files changed outside Claimdesk are checked before use', () => {
  /** A workspace with the envoy article and the analyst's layer of it, closed; returns its folder and the document id. */
  async function workspaceWithEnvoy(): Promise<{ dir: string; docId: string }> {
    const dir = await tempDir();
    const ws = await Workspace.open(join(dir, 'ws'));
    const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
    await ws.updateStatus(docId, ANALYST, 'in_progress');
    await ws.close();
    return { dir, docId };
  }

  it.each([
    ['an article file', 'id', articleFile],
    ['a layer file', 'docId', (root: string, docId: string) => layerFile(root, docId)],
  ] as const)(
    '%s whose id names a path outside the workspace is refused: no export writes outside, no save deletes outside',
    async (_what, field, fileOf) => {
      const { dir, docId } = await workspaceWithEnvoy();
      const file = fileOf(join(dir, 'ws'), docId);
      const tampered = { ...JSON.parse(await readFile(file, 'utf8')), [field]: '../../x/evil' };
      await writeFile(file, JSON.stringify(tampered));
      // What a backup pruning of x/evil/ would delete, if the id were trusted.
      for (const victimDir of [join(dir, 'x', 'evil'), join(dir, 'x', 'evil', 'layers', ANALYST)]) await mkdir(victimDir, { recursive: true });
      const victims = Array.from({ length: 12 }, (_, i) => `keep-${String(i).padStart(2, '0')}.json`);
      for (const v of victims) {
        await writeFile(join(dir, 'x', 'evil', v), '{}');
        await writeFile(join(dir, 'x', 'evil', 'layers', ANALYST, v), '{}');
      }

      const ws = await Workspace.open(join(dir, 'ws'));
      const refused = await failure(ws.updateStatus(docId, ANALYST, 'done'));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('left it untouched');
      const out = join(dir, 'out', 'brat');
      await expect(
        exportDocuments(ws, {
          format: 'brat',
          out,
          force: false,
          scope: { documentIds: null, status: null, labels: null, relationTypes: null, layer: ANALYST },
          split: null,
        }),
      ).rejects.toThrow(/cannot be opened: .*(not a document id|no valid|not .* as its place says)/);
      expect((await readdir(join(dir, 'x', 'evil'))).sort()).toEqual([...victims, 'layers'].sort());
      expect((await readdir(join(dir, 'x', 'evil', 'layers', ANALYST))).sort()).toEqual(victims);
      expect(await readdir(dir)).not.toContain('evil.txt');
      expect(ws.listDocuments(ANALYST).map((r) => r.id)).toEqual([docId]);
      expect(JSON.parse(await readFile(file, 'utf8'))[field]).toBe('../../x/evil'); // never overwritten
      await ws.close();
    },
  );

  it('a claimdesk.json whose index lists a path-like id is refused and left untouched', async () => {
    const { dir } = await workspaceWithEnvoy();
    const index = join(dir, 'ws', 'claimdesk.json');
    const raw = JSON.parse(await readFile(index, 'utf8'));
    raw.documents[0].id = '../../x/evil';
    const text = JSON.stringify(raw);
    await writeFile(index, text);
    await expect(Workspace.open(join(dir, 'ws'))).rejects.toThrow(/no valid id/);
    expect(await readFile(index, 'utf8')).toBe(text);
  });

  it('a layer file with a span inside a surrogate pair of its article is refused with the reason', async () => {
    const { dir, docId } = await workspaceWithEnvoy();
    const root = join(dir, 'ws');
    const article = JSON.parse(await readFile(articleFile(root, docId), 'utf8'));
    article.text = `😀${article.text.slice(2)}`;
    await writeFile(articleFile(root, docId), JSON.stringify(article));
    const layer = await readLayerFile(root, docId);
    const annotations = [{ ...spanOf(article.text, 'Hill', 'x1'), start: 1, end: 6, quote: article.text.slice(1, 6) }];
    await writeFile(layerFile(root, docId), JSON.stringify({ ...layer, annotations }));
    const ws = await Workspace.open(root);
    await expect(ws.openDocument(docId, ANALYST)).rejects.toThrow(/inside a character/);
    await ws.close();
  });
});

describe('ids reused for other content', () => {
  it('an identical replay is a no-op, another annotation or relation with a taken id is a CONFLICT', async () => {
    const ws = await Workspace.open(await tempDir());
    const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
    const text = (await ws.openDocument(docId, ANALYST)).text;
    const claim = spanOf(text, 'Hill', 'c1', 'Claim');
    const source = spanOf(text, 'Japan', 's1', 'Source');
    const link: Relation = { id: 'r1', type: 'attributed_to', from: 'c1', to: 's1', author: 'tester', createdAt: stamp };
    await ws.applyChanges(docId, ANALYST, [
      { op: 'addAnnotation', annotation: claim },
      { op: 'addAnnotation', annotation: source },
      { op: 'addRelation', relation: link },
    ]);
    await ws.applyChanges(docId, ANALYST, [
      { op: 'addAnnotation', annotation: claim },
      { op: 'addRelation', relation: link },
    ]); // replay
    const other = await failure(ws.applyChanges(docId, ANALYST, [{ op: 'addAnnotation', annotation: { ...spanOf(text, 'Japan', 'c1', 'Source') } }]));
    expect(other.code).toBe('CONFLICT');
    const otherLink = await failure(ws.applyChanges(docId, ANALYST, [{ op: 'addRelation', relation: { ...link, author: 'someone else' } }]));
    expect(otherLink.code).toBe('CONFLICT');
    const doc = await ws.openDocument(docId, ANALYST);
    expect(doc.annotations.find((a) => a.id === 'c1')).toEqual(claim);
    expect(doc.relations).toEqual([link]);
    await ws.close();
  });
});

describe('labels named like object properties', () => {
  it('are counted like any other label, in the list, the summaries cache (after a reopen) and export previews', async () => {
    const dir = await tempDir();
    const ws = await Workspace.open(dir);
    const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
    const names = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
    const labels = [...DEFAULT_SCHEMA.labels, ...names.map((name) => ({ name, color: '#123456', hotkey: '', attributes: [] }))];
    await ws.updateSchema({ ...DEFAULT_SCHEMA, labels }, { renamedLabels: {}, removedLabels: [] });
    const text = (await ws.openDocument(docId, ANALYST)).text;
    const words = [...text.matchAll(/\b[A-Za-z]{5,}\b/g)];
    const ops = names.flatMap((label, i) =>
      [0, 1].map((k) => ({
        op: 'addAnnotation' as const,
        annotation: { ...spanOf(text, words[i * 2 + k]![0], `${label}-${k}`, label, words[i * 2 + k]!.index), start: words[i * 2 + k]!.index },
      })),
    );
    const row = await ws.applyChanges(docId, ANALYST, ops);
    for (const name of names) expect(Object.getOwnPropertyDescriptor(row.layers[ANALYST]!.labelCounts, name)?.value, name).toBe(2);
    await ws.close();
    const cached = JSON.parse(await readFile(join(dir, '.cache', 'layers.json'), 'utf8')).documents[docId][ANALYST].summary;
    expect(Object.keys(cached.labelCounts).sort()).toEqual([...names].sort());
    for (const name of names) expect(Object.getOwnPropertyDescriptor(cached.labelCounts, name)?.value, name).toBe(2);
    const reopened = await Workspace.open(dir);
    const listed = reopened.listDocuments(ANALYST)[0]!;
    expect(Object.keys(listed.layers[ANALYST]!.labelCounts).sort()).toEqual([...names].sort());
    for (const name of names) expect(Object.getOwnPropertyDescriptor(listed.layers[ANALYST]!.labelCounts, name)?.value, name).toBe(2);
    const scope = { documentIds: null, status: null, labels: null, relationTypes: null };
    for (const format of ['jsonl', 'brat'] as const) {
      let preview: ExportReport | null = null;
      await exportDocuments(
        reopened,
        { format, out: join(dir, 'never'), force: false, scope, split: null },
        {
          onPlan: (before) => {
            preview = before;
            throw new Error('planned');
          },
        },
      ).catch(() => undefined);
      expect(preview).not.toBeNull();
      for (const name of names) expect(Object.getOwnPropertyDescriptor(preview!.spansPerLabel, name)?.value, `${format} ${name}`).toBe(2);
    }
    await reopened.close();
  });
});

describe('a large batch', () => {
  it('applies 30,000 operations in one call without stalling (linear, not quadratic)', async () => {
    const ws = await Workspace.open(await tempDir());
    const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
    const text = (await ws.openDocument(docId, ANALYST)).text;
    const ops = Array.from({ length: 30_000 }, (_, i) => ({
      op: 'addAnnotation' as const,
      annotation: { ...spanOf(text, 'Hill', `bulk-${i}`, 'Source') },
    }));
    const row = await ws.applyChanges(docId, ANALYST, ops);
    expect(row.annotationCount).toBe(30_000);
    await ws.close();
  }, 10_000); // quadratic, this took 13 s here
});

describe('workspace folders that are not plain folders', () => {
  it('refuses a system folder at once, a file, and documents/ or .backups/ linked elsewhere, saying what to do', async () => {
    await expect(Workspace.open('/proc/self')).rejects.toThrow(/system folder/);
    const dir = await tempDir();
    await writeFile(join(dir, 'a-file'), 'x');
    await expect(Workspace.open(join(dir, 'a-file'))).rejects.toThrow(/is a file, not a folder/);
    for (const sub of ['documents', '.backups']) {
      const ws = join(dir, `linked-${sub}`);
      await mkdir(join(dir, `elsewhere-${sub}`), { recursive: true });
      await mkdir(ws, { recursive: true });
      await symlink(join(dir, `elsewhere-${sub}`), join(ws, sub));
      await expect(Workspace.open(ws), sub).rejects.toThrow(/a link to another place/);
    }
  });
});

describe('import paths that are not article files', () => {
  it('reports a pipe and an empty folder by name instead of hanging or saying nothing', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'pipe.txt');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status, 'mkfifo is available').toBe(0);
    await mkdir(join(dir, 'empty.txt'));
    const ws = await Workspace.open(join(dir, 'ws'));
    const report = await ws.importPaths([fifo, join(dir, 'empty.txt'), ENVOY]);
    expect(report.failed.map((f) => f.name).sort()).toEqual(['empty.txt', 'pipe.txt']);
    expect(report.failed.find((f) => f.name === 'pipe.txt')!.reason).toMatch(/not a regular file/);
    expect(report.imported).toHaveLength(1);
    await ws.close();
  });
});

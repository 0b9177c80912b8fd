import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/types';
import { Workspace } from '../../electron/services/workspace';
import { syncWorkspace } from '../../electron/services/sync/sync';
import { tempDir } from './support/temp';
import { TEST_DRIVER, cloneOf, git, makeRemote, syncOk } from './support/sync-repos';

const BODY = 'The minister said the budget would grow by ten percent next year, officials confirmed on Monday.';

const opened: Workspace[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((ws) => ws.close()));
});

async function open(dir: string, annotator: string): Promise<Workspace> {
  const ws = await Workspace.open(dir, { annotator, mergeDriver: TEST_DRIVER });
  opened.push(ws);
  return ws;
}

/** One analyst at one clone: their workspace, and every annotation it acknowledged. */
type Seat = { name: string; annotator: string; ws: Workspace; acknowledged: string[] };

/** Adds annotations (on words of the document's text) one save at a time until `stop` holds, recording each the workspace acknowledged. */
async function annotateUntil(seat: Seat, docId: string, stop: () => boolean): Promise<void> {
  const words = [...(await seat.ws.readDocument(docId, null)).text.matchAll(/\w+/g)].map((m) => ({ quote: m[0], start: m.index }));
  while (!stop()) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const word = words[(seat.acknowledged.length * 7 + seat.name.length) % words.length]!;
    const id = `${seat.name}-${seat.acknowledged.length}`;
    const annotation: Annotation = {
      id,
      label: 'Claim',
      start: word.start,
      end: word.start + word.quote.length,
      quote: word.quote,
      attributes: {},
      author: seat.annotator,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await seat.ws.applyChanges(docId, seat.annotator, [{ op: 'addAnnotation', annotation }]);
    seat.acknowledged.push(id);
  }
}

describe('sync with the real workspace store', () => {
  it('three clones editing while they sync, in both orders: every acknowledged annotation ends up in every clone', async () => {
    const remote = await makeRemote();
    const desk = await cloneOf(remote);
    const source = join(await tempDir(), 'budget.txt');
    writeFileSync(source, `Budget\n\n${BODY}\n`);
    const first = await open(desk, 'alice');
    await first.importPaths([source]);
    const docId = first.listDocuments('alice')[0]!.id;
    await syncOk(first.syncTarget('alice'));

    const seats: Seat[] = [{ name: 'desk', annotator: 'alice', ws: first, acknowledged: [] }];
    for (const [name, annotator] of [
      ['bob', 'bob'],
      ['laptop', 'alice'],
    ] as const)
      seats.push({ name, annotator, ws: await open(await cloneOf(remote), annotator), acknowledged: [] });

    for (const order of [seats, [...seats].reverse()]) {
      // Everyone annotates while each in turn syncs: saves wait for a sync's git work and go on around its network steps.
      let synced = false;
      const before = seats.map((seat) => seat.acknowledged.length);
      const syncs = async () => {
        for (const seat of order) await syncWorkspace(seat.ws.syncTarget(seat.annotator), { mergeDriver: TEST_DRIVER });
        synced = true;
      };
      await Promise.all([...seats.map((seat) => annotateUntil(seat, docId, () => synced)), syncs()]);
      seats.forEach((seat, i) => expect(seat.acknowledged.length).toBeGreaterThan(before[i]! + 3));
    }
    // Settle: two rounds of syncs with no edits bring every clone to the same state.
    for (let round = 0; round < 2; round++) for (const seat of seats) await syncOk(seat.ws.syncTarget(seat.annotator));

    const expected = (annotator: string) =>
      seats
        .filter((s) => s.annotator === annotator)
        .flatMap((s) => s.acknowledged)
        .sort();
    for (const seat of seats) {
      expect(git(seat.ws.path, 'rev-parse', 'HEAD')).toBe(git(remote, 'rev-parse', 'main'));
      for (const annotator of ['alice', 'bob']) {
        const inMemory = await seat.ws.openDocument(docId, annotator);
        const onDisk = await seat.ws.readDocument(docId, annotator);
        expect(inMemory.annotations.map((a) => a.id).sort()).toEqual(expected(annotator));
        expect(onDisk.annotations.map((a) => a.id).sort()).toEqual(expected(annotator));
        expect(inMemory.annotations.every((a) => a.conflicts === undefined)).toBe(true);
      }
      expect(Object.keys(seat.ws.layers(docId)).sort()).toEqual(['alice', 'bob']);
    }
  });
});

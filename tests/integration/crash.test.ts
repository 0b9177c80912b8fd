/**
 * Durability under crashes. After every SIGKILL each workspace file must parse and every
 * operation acknowledged before the kill must be on disk. Two victims:
 * - one writer: a child saves annotations through the services, one at a time;
 * - concurrent writers: a child serves the workspace through the browser host while three
 *   clients here send applyChanges (and one of them status changes) over HTTP in random
 *   interleavings, all on one document.
 * Kills come at random moments and exactly at an acknowledgement (sent synchronously on reading
 * it, so a save acknowledged before its write finished is caught). The randomness is seeded:
 * the seed is printed, and CLAIMDESK_CRASH_SEED=<seed> replays a run. CLAIMDESK_CRASH_KILLS
 * sets the number of kills of each victim (npm test: a few; npm run soak: hundreds).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAuthor } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import type { Annotation, DocStatus } from '../../shared/model/types';
import { filesUnder } from './support/disk';
import { readArticleFile } from './support/layout';
import { crashSeed, seededRandom, type Random } from './support/prng';
import { SAMPLES, tempDir } from './support/temp';

const KILLS = Number(process.env.CLAIMDESK_CRASH_KILLS ?? 6);
const WRITERS = 3;
const ROOT = join(import.meta.dirname, '..', '..');
// The children are bundled from the current sources once per run: started under tsx, each
// start costs seconds (it transpiles the services again), bundled a few hundred milliseconds.
// The bundles sit under node_modules so that their imports of packages resolve.
const BUNDLES = join(ROOT, 'node_modules', '.cache', 'claimdesk-crash-test', String(process.pid));
const CRASH_CHILD = join(BUNDLES, 'crash-child.mjs');
const HOST_CHILD = join(BUNDLES, 'host-child.mjs');
const SEED = crashSeed();
/** The layer the one-writer child saves into. */
const CRASH_LAYER = 'crash';
/** The layer the host child's API saves into: the analyst's own (Preferences' author, the OS user's name in a fresh data folder). */
const HOST_LAYER = defaultAuthor();
const replay = `seed ${SEED} (replay: CLAIMDESK_CRASH_SEED=${SEED})`;

beforeAll(async () => {
  console.log(`crash tests: ${replay}`);
  // The host child keeps its settings in a temporary data folder, never the user's.
  process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');
  await build({
    entryPoints: ['crash-child.ts', 'host-child.ts'].map((f) => join(import.meta.dirname, 'support', f)),
    outdir: BUNDLES,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(() => rm(BUNDLES, { recursive: true, force: true }));

/** Starts a bundled child with piped output. */
function spawnChild(script: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Calls `onLine` for every complete line the stream prints. */
function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) onLine(line);
  });
}

/** Resolves once the child was killed by SIGKILL; rejects when it exited on its own. */
function killed(child: ChildProcessWithoutNullStreams): Promise<void> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited on its own (${code ?? signal}): ${stderr}`)),
    );
  });
}

/**
 * A workspace with one article, closed again; with `seeded`, that layer already holds that many
 * annotations. @returns its folder and the article's id
 */
async function workspaceWith(article: string, seeded?: { layer: string; annotations: number }): Promise<{ dir: string; docId: string }> {
  const dir = await tempDir();
  const setup = await Workspace.open(dir);
  const docId = (await setup.importPaths([article])).imported[0]!.row.id;
  if (seeded) {
    const { text } = await setup.openDocument(docId, seeded.layer);
    const ops = Array.from({ length: seeded.annotations }, (_, i) => {
      const start = (i * 997) % (text.length - 40);
      const end = start + 1 + (i % 30);
      const annotation = {
        id: `seed-${i}`,
        label: 'Claim',
        start,
        end,
        quote: text.slice(start, end),
        attributes: {},
        author: seeded.layer,
        createdAt: 't',
        updatedAt: 't',
      };
      return { op: 'addAnnotation' as const, annotation };
    });
    await setup.applyChanges(docId, seeded.layer, ops);
  }
  await setup.close();
  return { dir, docId };
}

const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');

/**
 * An article of about 1 MB, whose layer is seeded with a few thousand annotations (about 1 MB of
 * layer file): writing that file takes long, so a save that acknowledged before its layer write
 * finished is caught by a kill at the acknowledgement nearly every time (with a small layer the
 * write is often done by then).
 */
async function largeArticle(): Promise<string> {
  const path = join(await tempDir(), 'large-article.txt');
  const sentence = (i: number) => `Officials said on day ${i} that the bridge inspection found no structural damage, according to the city. `;
  const paragraphs = Array.from({ length: 1_000 }, (_, p) => Array.from({ length: 10 }, (_, i) => sentence(p * 10 + i)).join(''));
  await writeFile(path, `A long report\n\n${paragraphs.join('\n\n')}\n`);
  return path;
}

/**
 * What is on disk after a kill, checked and read as the next start reads it: every file
 * parses, the dead process's lock is taken over and its temporary files are swept.
 */
async function afterKill(
  dir: string,
  docId: string,
  layer: string,
  where: string,
): Promise<{ annotations: Map<string, Annotation>; status: DocStatus }> {
  const documents = [...(await filesUnder(join(dir, 'documents'))).keys()].filter((f) => !f.split('/').some((part) => part.startsWith('.')));
  for (const file of ['claimdesk.json', ...documents.map((f) => `documents/${f}`)]) {
    const raw = await readFile(join(dir, file), 'utf8');
    expect(() => JSON.parse(raw), `${file} after ${where}`).not.toThrow();
  }
  const ws = await Workspace.open(dir);
  try {
    expect(ws.readOnlyReason(), where).toBeNull(); // the killed child's lock was recovered
    expect(
      [...(await filesUnder(join(dir, 'documents'))).keys()].filter((f) => f.endsWith('.tmp')),
      where,
    ).toEqual([]); // its temp files were swept, in the document's folder and its layers/ too
    const doc = await ws.openDocument(docId, layer);
    return { annotations: new Map(doc.annotations.map((a) => [a.id, a])), status: doc.status };
  } finally {
    await ws.close();
  }
}

/**
 * How a child is killed: at a random moment after some acknowledgements, or synchronously on
 * reading one (of a note edit when `atNote`: the tightest window, see crash-child.ts).
 */
type KillPlan = Readonly<{ minAcks: number; atAck: boolean; atNote: boolean; delayMs: number }>;

function killPlan(random: Random, kill: number, maxAcks: number): KillPlan {
  // Two kills in three land exactly on an acknowledgement: the window between an acknowledgement
  // and the end of its write is too short to hit by timers alone.
  return { minAcks: 1 + random.int(maxAcks), atAck: kill % 3 !== 2, atNote: kill % 3 === 0, delayMs: random.int(120) };
}

const describePlan = (plan: KillPlan) =>
  plan.atAck
    ? `at ${plan.atNote ? 'the first note acknowledgement from ' : ''}acknowledgement ${plan.minAcks}`
    : `${plan.delayMs} ms after acknowledgement ${plan.minAcks}`;

describe('crash safety', () => {
  /** Runs the one-writer child until its plan says, then SIGKILLs it. @returns what it acknowledged: ids added, ids whose note was set */
  async function runAndKill(
    dir: string,
    docId: string,
    first: number,
    childSeed: number,
    plan: KillPlan,
  ): Promise<{ added: string[]; noted: string[] }> {
    const child = spawnChild(CRASH_CHILD, [dir, docId, CRASH_LAYER, String(first), String(childSeed)]);
    const exit = killed(child);
    const added: string[] = [];
    const noted: string[] = [];
    let armed = false;
    onLines(child.stdout, (line) => {
      const [kind, id] = line.split(' ');
      if (kind === 'ack') added.push(id!);
      else if (kind === 'note') noted.push(id!);
      else return;
      if (armed || added.length + noted.length < plan.minAcks || (plan.atNote && kind !== 'note')) return;
      armed = true;
      if (plan.atAck) child.kill('SIGKILL');
      else setTimeout(() => child.kill('SIGKILL'), plan.delayMs);
    });
    await exit;
    return { added, noted };
  }

  it(
    `one writer: loses no acknowledged operation across ${KILLS} SIGKILLs`,
    async () => {
      const random = seededRandom(SEED);
      const { dir, docId } = await workspaceWith(await largeArticle(), { layer: CRASH_LAYER, annotations: 3_000 });
      const added = new Set<string>();
      const noted = new Set<string>();
      for (let kill = 0; kill < KILLS; kill++) {
        const plan = killPlan(random, kill, 15);
        const acked = await runAndKill(dir, docId, kill * 100_000, random.int(0x7fffffff), plan);
        acked.added.forEach((id) => added.add(id));
        acked.noted.forEach((id) => noted.add(id));
        const where = `kill ${kill} (${describePlan(plan)}), ${replay}`;
        const { annotations } = await afterKill(dir, docId, CRASH_LAYER, where);
        expect(
          [...added].filter((id) => !annotations.has(id)),
          `annotations lost after ${where}`,
        ).toEqual([]);
        expect(
          [...noted].filter((id) => annotations.get(id)?.note !== `checked ${id}`),
          `notes lost after ${where}`,
        ).toEqual([]);
      }
      console.log(`crash test, one writer: ${KILLS} kills survived, ${added.size + noted.size} acknowledged operations, 0 lost; ${replay}`);
      expect(added.size + noted.size).toBeGreaterThanOrEqual(KILLS); // each kill came after at least one acknowledgement
    },
    60_000 + KILLS * 5_000,
  );

  it(
    `${WRITERS} concurrent writers over HTTP: lose no acknowledged operation across ${KILLS} SIGKILLs of the host`,
    async () => {
      const random = seededRandom(SEED ^ 0x5bd1e995);
      const { dir, docId } = await workspaceWith(ENVOY);
      const rendererDir = await tempDir();
      const { text } = await readArticleFile(dir, docId);
      const acknowledged = new Set<string>();
      const lost = new Set<string>();
      let statusChanges = 0;
      let lostStatus = 0;
      // Only writer 0 changes the status, one call at a time: after a kill the status on disk is
      // the last one acknowledged or the one then in flight.
      let ackedStatus: DocStatus = 'new';
      let inFlightStatus: DocStatus | null = null;
      let sequence = 0;
      const refusals = new Map<string, number>();

      let kills = 0;
      try {
        for (let kill = 0; kill < KILLS; kill++) {
          const plan = { ...killPlan(random, kill, 20), atNote: false }; // no notes here
          const child = spawnChild(HOST_CHILD, [dir, rendererDir]);
          const exit = killed(child);
          const ready = new Promise<{ port: number; token: string }>((resolve, reject) => {
            onLines(child.stdout, (line) => {
              const m = /^ready (\d+) (\S+)$/.exec(line);
              if (m) resolve({ port: Number(m[1]), token: m[2]! });
            });
            exit.catch(reject);
          });
          const { port, token } = await ready;
          let isDead = false;
          let roundAcks = 0;
          const killNow = () => {
            if (isDead) return;
            isDead = true;
            child.kill('SIGKILL');
          };
          /** An acknowledgement: counted, and the kill sent synchronously when the plan says so. */
          const acknowledge = () => {
            roundAcks += 1;
            if (roundAcks !== plan.minAcks) return;
            if (plan.atAck) killNow();
            else setTimeout(killNow, plan.delayMs);
          };
          const call = async (method: string, arg: unknown): Promise<boolean> => {
            try {
              const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify(arg),
              });
              const envelope = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
              if (!envelope.ok) {
                // Our calls are valid: refusing one is a failure of its own, but it is not an acknowledgement.
                if (envelope.error?.code === 'INVALID_INPUT') throw new Error(`${method} refused: ${envelope.error.message}`);
                const why = `${envelope.error?.code}: ${envelope.error?.message.split('. ')[0]}`;
                refusals.set(why, (refusals.get(why) ?? 0) + 1);
              }
              return envelope.ok;
            } catch (err) {
              if (isDead) return false; // the host died under this call: not acknowledged
              throw err;
            }
          };
          const writer = async (w: number, wr: Random) => {
            while (!isDead) {
              if (w === 0 && wr.chance(0.25)) {
                const status = (['new', 'in_progress', 'done'] as const).filter((s) => s !== ackedStatus)[wr.int(2)]!;
                inFlightStatus = status; // until acknowledged: a call the kill cut off may or may not have been stored
                if (await call('applyChanges', { docId, ops: [{ op: 'updateDocument', before: {}, after: { status } }] })) {
                  ackedStatus = status;
                  inFlightStatus = null;
                  statusChanges += 1;
                  acknowledge();
                }
                continue;
              }
              const ids = Array.from({ length: 1 + wr.int(3) }, () => `w${w}-${sequence++}`);
              const ops = ids.map((id, i) => {
                const start = wr.int(text.length - 30);
                const end = start + 1 + wr.int(25);
                return {
                  op: 'addAnnotation',
                  annotation: {
                    id,
                    label: i % 2 ? 'Claim' : 'Source',
                    start,
                    end,
                    quote: text.slice(start, end),
                    attributes: {},
                    author: `writer${w}`,
                    createdAt: 't',
                    updatedAt: 't',
                  },
                };
              });
              if (await call('applyChanges', { docId, ops })) {
                ids.forEach((id) => acknowledged.add(id));
                acknowledge();
              }
              // A random pause (often none) reshuffles the writers' interleaving.
              if (wr.chance(0.5)) await new Promise((r) => setTimeout(r, wr.int(4)));
            }
          };
          const writers = Array.from({ length: WRITERS }, (_, w) => writer(w, seededRandom(random.int(0x7fffffff))));
          // A host that never reaches the planned acknowledgement is killed anyway.
          const fallback = setTimeout(killNow, 2_000);
          const outcomes = await Promise.allSettled(writers.map((w) => w.catch((err: unknown) => (killNow(), Promise.reject(err)))));
          clearTimeout(fallback);
          await exit;
          for (const o of outcomes) if (o.status === 'rejected') throw o.reason;

          const where = `kill ${kill} (${describePlan(plan)}), ${replay}`;
          const { annotations, status } = await afterKill(dir, docId, HOST_LAYER, where);
          for (const id of acknowledged) if (!annotations.has(id)) lost.add(id);
          if (status !== ackedStatus && status !== inFlightStatus) {
            lostStatus += 1;
          }
          ackedStatus = status; // carry on from what is stored
          inFlightStatus = null;
          kills += 1;
        }
      } finally {
        // The figures, also when a check failed (then up to the kill that failed).
        console.log(
          `crash test, concurrent: ${kills} kills of the host checked, ${WRITERS} writers, ${acknowledged.size} acknowledged annotations and ${statusChanges} status changes, ` +
            `lost ${lost.size} annotations and ${lostStatus} status changes; ${replay}`,
        );
        if (refusals.size > 0) console.log(`crash test, concurrent: calls refused: ${JSON.stringify(Object.fromEntries(refusals))}`);
      }
      expect([...lost], replay).toEqual([]);
      expect(lostStatus, replay).toBe(0);
      expect(Object.fromEntries(refusals), `no call may fail under concurrency; ${replay}`).toEqual({});
      expect(acknowledged.size).toBeGreaterThan(KILLS);
    },
    60_000 + KILLS * 5_000,
  );
});

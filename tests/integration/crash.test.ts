/**
 * Durability under crashes: a child process saves annotations through the services while the
 * test kills it with SIGKILL at random moments, over and over. After every kill each workspace
 * file must parse and every operation acknowledged before the kill must be on disk.
 * CLAIMDESK_CRASH_KILLS sets the number of kills (npm test: a few; npm run soak: hundreds).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { SAMPLES, tempDir } from './support/temp';

const KILLS = Number(process.env.CLAIMDESK_CRASH_KILLS ?? 6);
const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'support', 'crash-child.ts');

/** Runs the child until it has acknowledged at least `minAcks`, then a random while longer, then kills it. */
function runAndKill(dir: string, docId: string, first: number, minAcks: number, extraMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, docId, String(first)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (!armed && acked.length >= minAcks) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`child exited on its own: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it(`loses no acknowledged operation across ${KILLS} SIGKILLs`, async () => {
    const dir = await tempDir();
    const setup = await Workspace.open(dir);
    const docId = (await setup.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!.row.id;
    await setup.close();

    const acknowledged = new Set<string>();
    let next = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const acked = await runAndKill(dir, docId, next, 1 + (kill % 5) * 3, Math.floor(Math.random() * 120));
      next += 100_000;
      acked.forEach((id) => acknowledged.add(id));

      const documents = (await readdir(join(dir, 'documents'))).filter((f) => !f.startsWith('.'));
      for (const file of ['claimdesk.json', ...documents.map((f) => `documents/${f}`)]) {
        const raw = await readFile(join(dir, file), 'utf8');
        expect(() => JSON.parse(raw), file).not.toThrow();
      }
      const ws = await Workspace.open(dir);
      expect(ws.readOnlyReason()).toBeNull(); // the killed child's lock was recovered
      expect((await readdir(join(dir, 'documents'))).filter((f) => f.endsWith('.tmp'))).toEqual([]); // its temp files were swept
      const stored = new Set((await ws.getDocument(docId)).annotations.map((a) => a.id));
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      await ws.close();
    }
    console.log(`crash test: ${KILLS} kills survived, ${acknowledged.size} acknowledged operations, 0 lost`);
    expect(acknowledged.size).toBeGreaterThan(KILLS);
  }, 60_000 + KILLS * 5_000);
});

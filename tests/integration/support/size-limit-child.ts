/**
 * The file-size-limit test's child, run under `ulimit -f`: applies one change through the
 * service API and prints the outcome as a JSON line, then waits for "retry" on stdin (the
 * parent has raised the limit by then) and applies the same change again.
 * Usage: size-limit-child.ts <workspace> <docId> <ops.json>
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ApiError } from '../../../shared/api';
import type { Operation } from '../../../shared/model/operations';
import { createServiceApi } from '../../../electron/services/api';
import { openAppSettings } from '../../../electron/services/app-paths';
import { browserShell } from '../../../electron/services/export/jobs';
import { Workspace } from '../../../electron/services/workspace';

const [dir, docId, opsFile] = process.argv.slice(2) as [string, string, string];
const ops = JSON.parse(await readFile(opsFile, 'utf8')) as Operation[];
const ws = await Workspace.open(dir);
const api = createServiceApi({ current: ws }, await openAppSettings(), browserShell(dir));

async function attempt(): Promise<void> {
  let outcome: Record<string, unknown>;
  try {
    await api.applyChanges({ docId, ops });
    outcome = { ok: true };
  } catch (err) {
    outcome = err instanceof ApiError ? { ok: false, code: err.code, message: err.message } : { ok: false, message: String(err) };
  }
  outcome.annotationsInMemory = (await api.getDocument({ docId })).annotations.length;
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

await attempt();
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'retry') break;
}
await attempt();
await ws.close();

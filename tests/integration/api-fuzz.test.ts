/**
 * Every API method fed random and adversarial arguments through `dispatch` (the path both
 * transports take): the answer is always an envelope, failures are INVALID_INPUT or NOT_FOUND
 * (never INTERNAL, never a stack trace), and the workspace on disk is unchanged byte for byte.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ClaimdeskApi } from '../../shared/api';
import { dispatch } from '../../shared/api-validate';
import { createServiceApi } from '../../electron/services/api';
import { browserShell } from '../../electron/services/export/jobs';
import { openAppSettings } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import { filesUnder } from './support/disk';
import { SAMPLES, tempDir } from './support/temp';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

/** claimdesk.json and every file below documents/ (articles and layers), by path. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = { 'claimdesk.json': await readFile(join(dir, 'claimdesk.json'), 'utf8') };
  for (const [rel, bytes] of await filesUnder(join(dir, 'documents'))) files[`documents/${rel}`] = bytes.toString('utf8');
  return files;
}

const hostile = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/etc/passwd',
    '%2e%2e%2f',
    '\u0000',
    'constructor',
    '__proto__',
    'x'.repeat(200_000),
  ),
  fc.string(),
  fc.stringMatching(/^[0-9a-f]{6,64}$/),
);
const anyValue = fc.oneof(hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const arg = fc.oneof(
  anyValue,
  fc.array(anyValue, { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'docId',
      'layer',
      'files',
      'ops',
      'title',
      'status',
      'schema',
      'author',
      'renamedLabels',
      'removedLabels',
      'policy',
      'annotators',
      'labels',
      '__proto__',
      'constructor',
    ),
    fc.oneof(anyValue, fc.array(fc.dictionary(fc.string(), anyValue), { maxLength: 2 })),
  ),
);

describe('API under random and adversarial input', () => {
  let api: ClaimdeskApi;
  let dir: string;
  let docId: string;
  beforeAll(async () => {
    dir = await tempDir();
    const ws = await Workspace.open(dir);
    docId = (await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!.row.id;
    api = createServiceApi({ current: ws }, await openAppSettings(), browserShell(ws.path));
  });

  it('answers every call with INVALID_INPUT or NOT_FOUND and leaves the workspace unchanged', async () => {
    const before = await snapshot(dir);
    const mutating = API_METHODS.filter((m) => !['getWorkspace', 'listDocuments', 'getPreferences'].includes(m));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...mutating), arg, async (method, input) => {
        const internal: unknown[] = [];
        const res = await dispatch(api, method, input, (err) => internal.push(err));
        expect(internal).toEqual([]);
        if (res.ok) return; // e.g. importFiles({ files: [] }) is valid and does nothing
        expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(res.error.code);
        expect(res.error.message).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 400 },
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses ids of documents that are not in the workspace and path-like ids', async () => {
    for (const bad of ['../claimdesk', '..%2fclaimdesk', docId + '/../x', docId.toUpperCase(), 'ffffffffffff']) {
      const res = await dispatch(api, 'getDocument', { docId: bad }, () => undefined);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(res.error.code);
    }
  });

  it('refuses unknown methods, including prototype names', async () => {
    for (const m of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'deleteEverything']) {
      const res = await dispatch(api, m, null, () => undefined);
      expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `unknown API method "${m}"` } });
    }
  });
});

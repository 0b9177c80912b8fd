/**
 * The suggestions service (#15) through the API contract on real temp workspaces: computing on
 * the envoy sample; rejections that outlive a reopen (a new service), undo, idempotence; layers
 * named constructor, toString, __proto__; rejections forgotten once the text they were made on
 * changed; the .suggestions file kept out of git; turning suggestions on at import (the
 * preference); a damaged suggestions file named in the reply's problem and left untouched;
 * accepting through applyChanges; and no suggestion in an export.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServiceApi } from '../../electron/services/api';
import { openAppSettings } from '../../electron/services/app-paths';
import { exportDocuments } from '../../electron/services/export/export';
import { browserShell } from '../../electron/services/export/jobs';
import { suggestionsPath } from '../../electron/services/suggestions/store';
import { Workspace } from '../../electron/services/workspace';
import { SUGGESTIONS_DIR, textHash } from '../../electron/services/workspace/files';
import type { ClaimdeskApi } from '../../shared/api';
import { dispatch } from '../../shared/api-validate';
import { WHOLE_WORKSPACE } from '../../shared/formats/scope';
import { parseJsonlLine } from '../../shared/formats/jsonl';
import { acceptOps, visibleSuggestions } from '../../shared/suggest/accept';
import { suggest } from '../../shared/suggest/engine';
import { ORIGIN_PREFIX } from '../../shared/suggest/types';
import { SAMPLES, tempDir } from './support/temp';

const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
const QUOTE = '"I don\'t see any splintering. On the contrary, I see a very clear message,"';

beforeAll(async () => {
  // Preferences are written by these tests: never into the user's own settings.
  process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-suggest-data-');
});

/** A workspace (in `dir`/ws) with the envoy article imported, and the API over it as `author`. */
async function envoyWorkspace(dir?: string) {
  const root = join(dir ?? (await tempDir()), 'ws');
  const ws = await Workspace.open(root, { mergeDriver: null });
  const report = await ws.importPaths([ENVOY]);
  const docId = report.imported[0]!.row.id;
  return { root, ws, docId, api: await apiOver(ws) };
}

async function apiOver(ws: Workspace, author = 'ann'): Promise<ClaimdeskApi> {
  const settings = await openAppSettings();
  settings.db.data.author = author;
  return createServiceApi({ current: ws }, settings, browserShell(ws.path));
}

/** The key of the suggested Claim over QUOTE in the envoy article (the engine's, whichever bounds its rules give it). */
async function quoteKey(api: ClaimdeskApi, docId: string): Promise<string> {
  const { text, blocks } = await api.getDocument({ docId });
  const start = text.indexOf(QUOTE);
  expect(start).toBeGreaterThan(0);
  const claim = suggest({ text, blocks }).suggestions.find((s) => s.label === 'Claim' && s.start <= start && s.end >= start + QUOTE.length);
  expect(claim).toBeDefined();
  return claim!.key;
}

describe('getSuggestions and rejectSuggestions', () => {
  it('is off until asked; compute turns it on (remembered) and proposes the envoy article’s quotes, sources and cues', async () => {
    const { api, docId } = await envoyWorkspace();
    const off = await api.getSuggestions({ docId });
    expect(off).toEqual({ enabled: false, set: { suggestions: [], links: [] }, rejected: [] });
    const on = await api.getSuggestions({ docId, compute: true });
    expect(on.enabled).toBe(true);
    const key = await quoteKey(api, docId);
    const claim = on.set.suggestions.find((s) => s.key === key);
    // A quotation the sentence goes on after (“A,” Hill said …. “B.”) is one claim, direct or mixed by what it holds.
    expect(claim).toMatchObject({ label: 'Claim', attributes: { quote_form: expect.stringMatching(/^(direct|mixed)$/) } });
    const hill = on.set.links.find((l) => l.from === key && l.type === 'attributed_to');
    expect(on.set.suggestions.find((s) => s.key === hill?.to)?.label).toBe('Source');
    expect(on.set.links.some((l) => l.from === key && l.type === 'has_cue')).toBe(true);
    // Remembered: a later call without compute still answers with the set, the one computed before (cached).
    const again = await api.getSuggestions({ docId });
    expect(again).toEqual(on);
    expect(again.set).toBe(on.set);
  });

  it('remembers rejections per layer across a reopen, takes them back on undo, and is idempotent', async () => {
    const { root, ws, docId, api } = await envoyWorkspace();
    await api.getSuggestions({ docId, compute: true });
    const key = await quoteKey(api, docId);
    const first = await api.rejectSuggestions({ docId, keys: [key] });
    expect(first.rejected).toEqual([key]);
    expect((await api.rejectSuggestions({ docId, keys: [key, key] })).rejected).toEqual([key]);
    // Another layer's analyst rejected nothing.
    expect((await (await apiOver(ws, 'bob')).getSuggestions({ docId })).rejected).toEqual([]);
    await ws.close();
    const reopened = await Workspace.open(root, { mergeDriver: null });
    const later = await apiOver(reopened);
    const reply = await later.getSuggestions({ docId });
    expect(reply.enabled).toBe(true);
    expect(reply.rejected).toEqual([key]);
    expect(visibleSuggestions(reply.set, [], new Set(reply.rejected)).suggestions.some((s) => s.key === key)).toBe(false);
    const undone = await later.rejectSuggestions({ docId, keys: [key], undo: true });
    expect(undone.rejected).toEqual([]);
    expect(visibleSuggestions(undone.set, [], new Set(undone.rejected)).suggestions.some((s) => s.key === key)).toBe(true);
    await reopened.close();
  });

  it('keeps both rejections when two tabs reject at the same time (each adds its keys, one update at a time)', async () => {
    const { docId, api } = await envoyWorkspace();
    const { set } = await api.getSuggestions({ docId, compute: true });
    const keys = set.suggestions.slice(0, 6).map((s) => s.key);
    expect(keys).toHaveLength(6);
    await Promise.all(keys.map((key) => api.rejectSuggestions({ docId, keys: [key] })));
    expect((await api.getSuggestions({ docId })).rejected).toEqual([...keys].sort());
    await Promise.all(keys.slice(0, 3).map((key) => api.rejectSuggestions({ docId, keys: [key], undo: true })));
    expect((await api.getSuggestions({ docId })).rejected).toEqual(keys.slice(3).sort());
  });

  it('answers NOT_FOUND for an unknown document, INVALID_INPUT for a bad layer or key, CONFLICT for another annotator’s layer', async () => {
    const { api, docId } = await envoyWorkspace();
    const code = async (method: 'getSuggestions' | 'rejectSuggestions', arg: unknown) => {
      const res = await dispatch(api, method, arg, () => undefined);
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await code('getSuggestions', { docId: 'ab'.repeat(8) })).toBe('NOT_FOUND');
    expect(await code('getSuggestions', { docId, layer: 'all' })).toBe('INVALID_INPUT');
    expect(await code('rejectSuggestions', { docId, keys: ['not a key'] })).toBe('INVALID_INPUT');
    expect(await code('rejectSuggestions', { docId, layer: 'bob', keys: ['Claim:1-2'] })).toBe('CONFLICT');
    expect(await code('rejectSuggestions', { docId, layer: 'curated', keys: ['Claim:1-2'] })).toBe('ok');
  });

  it('keeps the file under .suggestions, which git does not list once the repository is prepared', async () => {
    const dir = await tempDir();
    execFileSync('git', ['init', '-q', dir]);
    const root = join(dir, 'ws');
    // The default merge driver: opening prepares the repository (.gitignore among others).
    const ws = await Workspace.open(root);
    const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
    const api = await apiOver(ws);
    await api.getSuggestions({ docId, compute: true });
    await api.rejectSuggestions({ docId, keys: [await quoteKey(api, docId)] });
    expect(await readdir(join(root, SUGGESTIONS_DIR))).toEqual([`${docId}.json`]);
    expect(JSON.parse(await readFile(suggestionsPath(root, docId), 'utf8'))).toMatchObject({ version: 1, enabled: true });
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' });
    expect(status).toContain('ws/documents/'); // git does list the workspace's tracked files
    expect(status).not.toContain(SUGGESTIONS_DIR);
    await ws.close();
  });

  it('turns suggestions on for documents imported while the preference suggestOnImport is set', async () => {
    const ws = await Workspace.open(join(await tempDir(), 'ws'), { mergeDriver: null });
    const api = await apiOver(ws);
    expect((await api.getPreferences()).suggestOnImport).toBe(false);
    const data = (await readFile(ENVOY)).toString('base64');
    const before = await api.importFiles({ files: [{ name: 'before.txt', data: Buffer.from('Hill said "no deal today".').toString('base64') }] });
    expect((await api.getSuggestions({ docId: before.imported[0]!.row.id })).enabled).toBe(false);
    await api.updatePreferences({ author: 'ann', suggestOnImport: true });
    // Saving the author alone keeps the preference.
    expect(await api.updatePreferences({ author: 'ann' })).toEqual({ author: 'ann', suggestOnImport: true });
    const report = await api.importFiles({ files: [{ name: 'envoy.txt', data }] });
    const docId = report.imported[0]!.row.id;
    const reply = await api.getSuggestions({ docId });
    expect(reply.enabled).toBe(true);
    expect(reply.set.suggestions.length).toBeGreaterThan(0);
    await api.updatePreferences({ author: 'ann', suggestOnImport: false });
    await ws.close();
  });

  it('keeps the rejections of layers named constructor, toString and __proto__ like any other, across a reopen', async () => {
    const { root, ws, docId } = await envoyWorkspace();
    const names = ['constructor', 'toString', '__proto__'];
    for (const [i, name] of names.entries()) {
      const api = await apiOver(ws, name);
      expect((await api.getSuggestions({ docId })).rejected).toEqual([]);
      expect((await api.rejectSuggestions({ docId, keys: [`Claim:${i}-9`] })).rejected).toEqual([`Claim:${i}-9`]);
    }
    expect(Object.keys(JSON.parse(await readFile(suggestionsPath(root, docId), 'utf8')).rejected).sort()).toEqual([...names].sort());
    await ws.close();
    const reopened = await Workspace.open(root, { mergeDriver: null });
    for (const [i, name] of names.entries()) {
      const api = await apiOver(reopened, name);
      expect((await api.getSuggestions({ docId })).rejected).toEqual([`Claim:${i}-9`]);
      expect((await api.rejectSuggestions({ docId, keys: [`Claim:${i}-9`], undo: true })).rejected).toEqual([]);
    }
    expect((await (await apiOver(reopened, 'ann')).getSuggestions({ docId })).rejected).toEqual([]);
    await reopened.close();
  });

  it('forgets rejections made on another text of the document (a reimport changed it): none meanwhile, dropped on the next write', async () => {
    const { root, docId, api } = await envoyWorkspace();
    const key = await quoteKey(api, docId);
    await api.rejectSuggestions({ docId, keys: [key] });
    const textSha256 = textHash((await api.getDocument({ docId })).text);
    const written = JSON.parse(await readFile(suggestionsPath(root, docId), 'utf8'));
    expect(written).toMatchObject({ textSha256, rejected: { ann: [key] } });
    // The file as it would be had the article been reimported with another text since.
    await writeFile(
      suggestionsPath(root, docId),
      JSON.stringify({ ...written, textSha256: 'ab'.repeat(32), rejected: { ann: [key], bob: ['Claim:1-2'] } }),
    );
    const reply = await api.getSuggestions({ docId });
    expect(reply.rejected).toEqual([]);
    expect(reply.problem).toBeUndefined(); // a reimport is deliberate: nothing to report
    expect((await api.rejectSuggestions({ docId, keys: ['Cue:3-4'] })).rejected).toEqual(['Cue:3-4']);
    expect(JSON.parse(await readFile(suggestionsPath(root, docId), 'utf8'))).toEqual({ ...written, textSha256, rejected: { ann: ['Cue:3-4'] } });
  });

  it('answers a damaged suggestions file with "nothing rejected", refuses to reject over it, and leaves it untouched', async () => {
    const { root, docId, api } = await envoyWorkspace();
    await mkdir(join(root, SUGGESTIONS_DIR), { recursive: true });
    const damaged = '{ "version": 1, "enabled": tru';
    await writeFile(suggestionsPath(root, docId), damaged);
    const problem = expect.stringMatching(/not valid JSON.*move the file away/);
    expect(await api.getSuggestions({ docId })).toEqual({ enabled: false, set: { suggestions: [], links: [] }, rejected: [], problem });
    expect((await api.getSuggestions({ docId })).problem).toContain(suggestionsPath(root, docId));
    const computed = await api.getSuggestions({ docId, compute: true });
    expect(computed.enabled).toBe(true);
    expect(computed.problem).toEqual(problem);
    expect(computed.set.suggestions.length).toBeGreaterThan(0);
    const refused = await dispatch(api, 'rejectSuggestions', { docId, keys: [await quoteKey(api, docId)] }, () => undefined);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(suggestionsPath(root, docId));
      expect(refused.error.message).toMatch(/not valid JSON.*move the file away/);
    }
    expect(await readFile(suggestionsPath(root, docId), 'utf8')).toBe(damaged);
  });

  it('accepts through applyChanges (acceptOps): the accepted claim is no longer visible, and only accepted spans reach an export', async () => {
    const { root, ws, docId, api } = await envoyWorkspace();
    const reply = await api.getSuggestions({ docId, compute: true });
    const key = await quoteKey(api, docId);
    const doc = await api.getDocument({ docId });
    let n = 0;
    const stamp = { author: 'ann', now: '2026-01-01T00:00:00.000Z', newId: () => `acc${++n}` };
    const ops = acceptOps(doc, reply.set, [key], new Set(reply.rejected), stamp);
    await api.applyChanges({ docId, ops });
    const after = await api.getDocument({ docId });
    // The claim with its source and cue, each with its origin; linked.
    expect(after.annotations.map((a) => a.label).sort()).toEqual(['Claim', 'Cue', 'Source']);
    expect(after.annotations.every((a) => a.origin?.startsWith(ORIGIN_PREFIX))).toBe(true);
    expect(after.relations.map((r) => r.type).sort()).toEqual(['attributed_to', 'has_cue']);
    const again = await api.getSuggestions({ docId });
    expect(again.set).toEqual(reply.set); // the reply is not filtered by the layer
    const visible = visibleSuggestions(again.set, after.annotations, new Set(again.rejected));
    expect(visible.suggestions.some((s) => s.key === key)).toBe(false);
    expect(visible.suggestions.length).toBe(reply.set.suggestions.length - 3);

    const out = join(root, '..', 'out.jsonl');
    await exportDocuments(ws, { format: 'jsonl', out, scope: { ...WHOLE_WORKSPACE, layer: 'ann' }, split: null, force: false });
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2); // the header and the one document
    const parsed = parseJsonlLine(lines[1]!);
    if (!('doc' in parsed)) throw new Error(parsed.reason);
    expect(parsed.doc.annotations.map((a) => a.id).sort()).toEqual(after.annotations.map((a) => a.id).sort());
    expect(existsSync(join(root, SUGGESTIONS_DIR))).toBe(true);
    await ws.close();
  });
});

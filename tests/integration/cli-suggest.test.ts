/**
 * `claimdesk suggest` (#15) as a user runs it: the built CLI in a subprocess on real workspaces.
 * Counts by label; --out as Claimdesk JSONL read back with the JSONL parser (code-point offsets,
 * checked on a text with an emoji before a quotation; keys as ids, origins, links as relations;
 * a rejection left out); --accept into the annotator's layer, once (a second run adds nothing);
 * the errors that say what to do; --out never over the workspace's .suggestions; --layer
 * constructor and __proto__; and import turning suggestions on when the preference says so.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServiceApi } from '../../electron/services/api';
import { openAppSettings } from '../../electron/services/app-paths';
import { browserShell } from '../../electron/services/export/jobs';
import { readSuggestionsFile, suggestionsPath } from '../../electron/services/suggestions/store';
import { Workspace } from '../../electron/services/workspace';
import type { ClaimdeskApi } from '../../shared/api';
import { parseJsonlHeader, parseJsonlLine } from '../../shared/formats/jsonl';
import { ORIGIN_PREFIX } from '../../shared/suggest/types';
import { BIN, buildNodeIfStale, ROOT } from './support/built';
import { SAMPLES, tempDir } from './support/temp';

beforeAll(() => buildNodeIfStale(), 120_000);

// The emoji is two UTF-16 code units and one code point: offsets after it differ by one.
const STORM = 'Storm 🌀 update\n\n"The levee will hold tonight," Mayor Ruiz said.\n';
const QUOTE = '"The levee will hold tonight,"';

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDir('claimdesk-cli-suggest-data-');
  process.env.CLAIMDESK_DATA_DIR = dataDir; // the in-process API below reads the same settings as the CLI
});

/** Runs the CLI as `ann` with the test's own app data folder. */
function run(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('node', [BIN, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, CLAIMDESK_DATA_DIR: dataDir, CLAIMDESK_ANNOTATOR: 'ann' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A workspace with the storm text and the envoy article imported through the CLI; their ids. */
async function workspace(): Promise<{ dir: string; ws: string; storm: string; envoy: string }> {
  const dir = await tempDir();
  await writeFile(join(dir, 'storm.txt'), STORM);
  const ws = join(dir, 'ws');
  const imported = run('import', '--workspace', ws, join(dir, 'storm.txt'), join(SAMPLES, 'us-envoy-arrives-in-japan.txt'));
  expect(imported.code, imported.err).toBe(0);
  const ids = [...imported.out.matchAll(/-> ([0-9a-f]+) /g)].map((m) => m[1]!);
  return { dir, ws, storm: ids[0]!, envoy: ids[1]! };
}

/** Runs `use` on the service API over the workspace `root` as `author` (the window's way), then closes it. */
async function inApp<T>(root: string, author: string, use: (api: ClaimdeskApi) => Promise<T>): Promise<T> {
  const opened = await Workspace.open(root, { mergeDriver: null });
  try {
    const settings = await openAppSettings();
    settings.db.data.author = author;
    return await use(createServiceApi({ current: opened }, settings, browserShell(root)));
  } finally {
    await opened.close();
  }
}

describe('claimdesk suggest', () => {
  it('prints each document’s suggestions by label, and writes them with --out as JSONL in code points, rejections left out', async () => {
    const { dir, ws, storm, envoy } = await workspace();
    const counts = run('suggest', '--workspace', ws);
    expect(counts.code, counts.err).toBe(0);
    expect(counts.out).toMatch(new RegExp(`${storm} "[^"]*": Claim 1, Cue 1, Source 1; 2 link\\(s\\)`));
    expect(counts.out).toMatch(/2 document\(s\): \d+ suggestion\(s\)/);

    // ann rejects one of the envoy article's claims in the app.
    const opened = await Workspace.open(ws, { mergeDriver: null });
    const settings = await openAppSettings();
    settings.db.data.author = 'ann';
    const api = createServiceApi({ current: opened }, settings, browserShell(ws));
    const envoySet = await api.getSuggestions({ docId: envoy, compute: true });
    const rejected = envoySet.set.suggestions.find((s) => s.label === 'Claim')!.key;
    await api.rejectSuggestions({ docId: envoy, keys: [rejected] });
    await opened.close();

    const out = join(dir, 'suggestions.jsonl');
    const written = run('suggest', '--workspace', ws, '--out', out);
    expect(written.code, written.err).toBe(0);
    const [header, ...lines] = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(parseJsonlHeader(header!)).toMatchObject({ schema: { labels: expect.any(Array) } });
    expect(lines).toHaveLength(2);
    const raw = JSON.parse(lines[0]!) as {
      id: string;
      text: string;
      spans: { id: string; label: string; start: number; end: number; quote: string }[];
    };
    expect(raw.id).toBe(storm);
    const claim = raw.spans.find((s) => s.label === 'Claim')!;
    expect(claim.quote).toBe(QUOTE);
    const chars = [...raw.text];
    expect(chars.slice(claim.start, claim.end).join('')).toBe(QUOTE);
    expect(claim.start).toBe(STORM.indexOf(QUOTE) - 1); // one code point less than UTF-16 after the emoji
    const parsed = lines.map((line) => parseJsonlLine(line));
    const docs = parsed.map((p) => {
      if (!('doc' in p)) throw new Error(p.reason);
      return p.doc;
    });
    const stormDoc = docs[0]!;
    expect(stormDoc.annotations.map((a) => a.id).sort()).toEqual(
      stormDoc.annotations.map((a) => `${a.label}:${a.start}-${a.end}`).sort(), // ids are the suggestion keys (UTF-16)
    );
    expect(stormDoc.annotations.every((a) => a.origin?.startsWith(ORIGIN_PREFIX))).toBe(true);
    expect(stormDoc.relations.map((r) => r.type).sort()).toEqual(['attributed_to', 'has_cue']);
    const claimId = stormDoc.annotations.find((a) => a.label === 'Claim')!.id;
    expect(stormDoc.relations.every((r) => r.from === claimId)).toBe(true);
    expect(docs[1]!.annotations.some((a) => a.id === rejected)).toBe(false);
    expect(docs[1]!.annotations.some((a) => a.label === 'Claim')).toBe(true);
    // Only ann rejected it: bob's view keeps it.
    const bob = join(dir, 'bob.jsonl');
    expect(run('suggest', '--workspace', ws, '--layer', 'bob', '--out', bob).code).toBe(0);
    const bobEnvoy = parseJsonlLine((await readFile(bob, 'utf8')).trimEnd().split('\n')[2]!);
    expect('doc' in bobEnvoy && bobEnvoy.doc.annotations.some((a) => a.id === rejected)).toBe(true);
    // An existing --out is not replaced without --force.
    const again = run('suggest', '--workspace', ws, '--out', out);
    expect(again.code).toBe(4);
    expect(again.err).toMatch(/already exists; choose another name or use --force/);
  });

  it('--accept puts every suggestion into the annotator’s layer with its origin, and a second run adds nothing', async () => {
    const { ws, storm } = await workspace();
    const first = run('suggest', '--workspace', ws, '--documents', storm, '--accept', '--annotator', 'cleo');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(new RegExp(`accepted  ${storm} "[^"]*": Claim 1, Cue 1, Source 1; 2 link\\(s\\)`));
    const opened = await Workspace.open(ws, { mergeDriver: null });
    const doc = await opened.readDocument(storm, 'cleo');
    await opened.close();
    expect(doc.annotations.map((a) => [a.label, a.quote, a.origin?.startsWith(ORIGIN_PREFIX), a.author]).sort()).toEqual([
      ['Claim', QUOTE, true, 'cleo'],
      ['Cue', 'said', true, 'cleo'],
      ['Source', 'Mayor Ruiz', true, 'cleo'],
    ]);
    expect(doc.relations).toHaveLength(2);
    expect(doc.status).toBe('in_progress');
    const second = run('suggest', '--workspace', ws, '--documents', storm, '--accept', '--annotator', 'cleo');
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(/nothing new/);
    expect(second.out).toMatch(/0 annotation\(s\) and 0 relation\(s\) added/);
  });

  it('says what to do: --accept without --annotator, an unknown document, a folder with no workspace', async () => {
    const { dir, ws } = await workspace();
    const noAnnotator = run('suggest', '--workspace', ws, '--accept');
    expect(noAnnotator.code).toBe(2);
    expect(noAnnotator.err).toMatch(/--accept needs --annotator NAME/);
    const unknown = run('suggest', '--workspace', ws, '--documents', 'abcdef123456');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no document with id abcdef123456 in this workspace/);
    const missing = run('suggest', '--workspace', join(dir, 'nothing-here'));
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/is not a Claimdesk workspace .*import articles into it first/);
    expect(run('suggest', '--workspace', ws, '--out', join(dir, 'x.jsonl'), '--accept', '--annotator', 'ann').code).toBe(2);
    const help = run('suggest', '--help').out;
    expect(help).toMatch(/Usage: claimdesk suggest/);
    // A --out span's id is the suggestion key (UTF-16, what rejections name), its start and end code points: the help says so.
    expect(help.replace(/\s+/g, ' ')).toMatch(
      /offsets count UTF-16 code units: after an emoji .* differ from the span's start and end, which count code points/,
    );
  });

  it('refuses --out over a document’s suggestions file, even with --force, and leaves the file as it was', async () => {
    const { ws, envoy } = await workspace();
    await inApp(ws, 'ann', (api) => api.rejectSuggestions({ docId: envoy, keys: ['Claim:1-2'] }));
    const path = suggestionsPath(ws, envoy);
    const before = await readFile(path, 'utf8');
    const refused = run('suggest', '--workspace', ws, '--out', path, '--force');
    expect(refused.code).toBe(4);
    expect(refused.err).toMatch(/is inside the workspace's own files \(\.suggestions\); choose a path outside them/);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('reads the rejections of layers named constructor and __proto__ like any other (--layer)', async () => {
    const { ws, storm } = await workspace();
    const claim = await inApp(ws, '__proto__', async (api) => {
      const key = (await api.getSuggestions({ docId: storm, compute: true })).set.suggestions.find((s) => s.label === 'Claim')!.key;
      await api.rejectSuggestions({ docId: storm, keys: [key] });
      return key;
    });
    const stormLine = (layer: string) => {
      const r = run('suggest', '--workspace', ws, '--documents', storm, '--layer', layer);
      expect(r.code, r.err).toBe(0);
      return r.out.split('\n').find((line) => line.startsWith(storm));
    };
    expect(stormLine('constructor')).toMatch(/Claim 1, Cue 1, Source 1; 2 link\(s\)/); // rejected nothing
    expect(stormLine('__proto__')).not.toMatch(/Claim/); // rejected the claim
    const out = join(ws, '..', 'proto.jsonl');
    expect(run('suggest', '--workspace', ws, '--layer', '__proto__', '--out', out).code).toBe(0);
    expect((await readFile(out, 'utf8')).includes(`"id":"${claim}"`)).toBe(false);
  });

  it('import turns suggestions on for what it imports when the preference suggestOnImport is set', async () => {
    const settings = await openAppSettings();
    settings.db.data.suggestOnImport = true;
    await settings.db.write();
    try {
      const { ws, storm, envoy } = await workspace();
      for (const docId of [storm, envoy]) expect((await readSuggestionsFile(ws, docId)).file.enabled).toBe(true);
    } finally {
      settings.db.data.suggestOnImport = false;
      await settings.db.write();
    }
  });
});

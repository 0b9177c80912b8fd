/**
 * The `claimdesk` command as a user runs it: bin/claimdesk.mjs on the built CLI (rebuilt here
 * when a source is newer) in a subprocess, on real workspaces. Exit codes, help, argument errors,
 * import of corpora with bad records, export with its report and overwrite rules, validate.
 * Attacks (held or unusable workspaces, hostile output paths and brat lines, signals) are in
 * cli-attacks.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toJsonlHeader, toJsonlLine } from '../../shared/formats/jsonl';
import { buildFixtureWorkspace, FIXTURE_LAYER, FIXTURE_SCHEMA } from '../fixtures/export/fixture';
import type { LabelDef } from '../../shared/model/types';
import { layerFile, readLayerFile } from './support/layout';
import { generateDocument } from '../fixtures/export/generate';
import { BIN, BUILT_CLI, buildNodeIfStale, ROOT } from './support/built';
import { tempDir } from './support/temp';

beforeAll(() => buildNodeIfStale(), 60_000);

/** Runs the CLI and returns its exit code and output. */
function run(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('node', [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

let fixtureWs: string;
beforeAll(async () => {
  const dir = await tempDir();
  await buildFixtureWorkspace(dir);
  fixtureWs = join(dir, 'workspace');
});

describe('claimdesk help and arguments', () => {
  it('prints help with the commands and exit codes, for the tool and each command', () => {
    const top = run('--help');
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/export --format/);
    expect(top.out).toMatch(/4 +the export or its report could not be written/);
    expect(top.out).toMatch(/130 +cancelled/);
    expect(top.out).toMatch(/import exits with 3 and says who holds it/);
    for (const command of ['import', 'export', 'stats', 'validate']) {
      const r = run(command, '--help');
      expect(r.code, command).toBe(0);
      expect(r.out).toMatch(new RegExp(`Usage: claimdesk ${command}`));
    }
    expect(run('export', '--help').out).toMatch(/claims-csv +one file, tokenized with Intl\.Segmenter \(ICU\)/);
    expect(run().code).toBe(2);
  });

  it.each([
    [['frobnicate', '--workspace', 'x'], /unknown command "frobnicate"/],
    [['export', '--workspace', 'x', '--out', 'o'], /--format is required/],
    [['export', '--workspace', 'x', '--format', 'xml', '--out', 'o'], /--format must be one of jsonl, claims-csv/],
    [['export', '--workspace', 'x', '--format', 'conll'], /--out PATH is required/],
    [['export', '--workspace', 'x', '--format', 'conll', '--out', 'o', '--split', '80-20'], /--split must be like 80\/10\/10/],
    [['export', '--workspace', 'x', '--format', 'conll', '--out', 'o', '--seed', '3'], /--seed and --stratify need --split/],
    [['export', '--workspace', 'x', '--format', 'conll', '--out', 'o', '--status', 'finished'], /--status must be one of new, in_progress, done/],
    [['stats', '--workspace', 'x', '--format', 'conll'], /--format is not an option of stats/],
    [['export', '--workspace', 'x', '--format', 'claims-csv', '--out', 'o', '--bom', '--no-bom'], /--bom and --no-bom contradict/],
    [['export', '--workspace', 'x', '--format', 'conll', '--out', 'o', '--no-bom'], /apply to claims-csv and claims-tsv only, not to conll/],
    [['export', '--workspace', 'x', '--colour'], /Unknown option '--colour'/],
    [['import', '--workspace', 'x'], /name at least one file or folder/],
    [['stats'], /--workspace DIR is required/],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('claimdesk export', () => {
  it('prints the plan and what was written, refuses to overwrite without --force', async () => {
    const out = join(await tempDir(), 'fixture.conll');
    const first = run('export', '--workspace', fixtureWs, '--format', 'conll', '--out', out);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Export plan/);
    expect(first.out).toMatch(/tokenizer +Intl\.Segmenter word and sentence \(ICU \d/);
    expect(first.out).toMatch(/Claim +8/);
    expect(first.out).toMatch(/misaligned/);
    expect(first.out).toMatch(/Written: 1 file\(s\)/);
    expect(await readFile(out, 'utf8')).toMatch(/^# tokenizer = Intl\.Segmenter word and sentence \(ICU \d+\.\d+, en\)\n/);
    const again = run('export', '--workspace', fixtureWs, '--format', 'conll', '--out', out);
    expect(again.code).toBe(4);
    expect(again.err).toMatch(/already exists; .*--force/);
    expect(run('export', '--workspace', fixtureWs, '--format', 'conll', '--out', out, '--force').code).toBe(0);
  });

  it('splits into train/dev/test files, filters by status and labels, and saves the full report', async () => {
    const dir = await tempDir();
    const r = run(
      'export',
      '--workspace',
      fixtureWs,
      '--format',
      'hf',
      '--out',
      join(dir, 'hf'),
      '--split',
      '34/33/33',
      '--seed',
      '2',
      '--labels',
      'Claim,Source',
      '--report',
      join(dir, 'report.json'),
    );
    expect(r.code).toBe(0);
    expect((await readdir(join(dir, 'hf'))).sort()).toEqual(['dev.jsonl', 'labels.json', 'test.jsonl', 'train.jsonl']);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as {
      spansPerLabel: Record<string, number>;
      splits: Record<string, { documents: number }>;
    };
    expect(Object.keys(report.spansPerLabel)).toEqual(['Claim', 'Source']);
    expect(Object.values(report.splits).reduce((n, s) => n + s.documents, 0)).toBe(3);
    const done = run('export', '--workspace', fixtureWs, '--format', 'jsonl', '--out', join(dir, 'done.jsonl'), '--status', 'done');
    expect(done.code).toBe(0);
    expect((await readFile(join(dir, 'done.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2);
    expect(run('export', '--workspace', fixtureWs, '--format', 'jsonl', '--out', join(dir, 'x.jsonl'), '--labels', 'Rumour').err).toMatch(
      /no label "Rumour"/,
    );
  });

  it('starts a claims table with a UTF-8 byte-order mark by default (as the app does), and without one on --no-bom', async () => {
    const dir = await tempDir();
    for (const [name, extra] of [
      ['default.csv', []],
      ['bom.tsv', ['--bom']],
      ['plain.csv', ['--no-bom']],
    ] as const) {
      const format = name.endsWith('.tsv') ? 'claims-tsv' : 'claims-csv';
      expect(run('export', '--workspace', fixtureWs, '--format', format, '--out', join(dir, name), ...extra).code).toBe(0);
    }
    const head = async (name: string) => [...(await readFile(join(dir, name))).subarray(0, 3)];
    expect(await head('default.csv')).toEqual([0xef, 0xbb, 0xbf]);
    expect(await head('bom.tsv')).toEqual([0xef, 0xbb, 0xbf]);
    expect((await readFile(join(dir, 'plain.csv'), 'utf8')).startsWith('document_id,')).toBe(true);
  });
});

describe('claimdesk export loads only what it needs', () => {
  // As the process exits, lists the CommonJS modules it loaded (an import() of a CommonJS package goes through require's cache).
  const LIST_LOADED =
    'data:text/javascript,import{createRequire}from"node:module";const r=createRequire(process.cwd()+"/");process.on("exit",()=>process.stderr.write(`loaded:${JSON.stringify(Object.keys(r.cache))}`))';
  const loadedBy = (...args: string[]): string[] => {
    const r = spawnSync('node', ['--import', LIST_LOADED, BUILT_CLI, ...args], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    return JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('loaded:') + 'loaded:'.length)) as string[];
  };

  it("a JSONL or CoNLL export does not load the importers' libraries (jsdom alone takes ~90 MB)", async () => {
    const dir = await tempDir();
    const jsonl = loadedBy('export', '--workspace', fixtureWs, '--format', 'jsonl', '--out', join(dir, 'out.jsonl'));
    expect(jsonl.filter((p) => /[\\/]node_modules[\\/](jsdom|@mozilla)[\\/]/.test(p))).toEqual([]);
    const conll = loadedBy('export', '--workspace', fixtureWs, '--format', 'conll', '--out', join(dir, 'out.conll'));
    expect(conll.filter((p) => /[\\/]node_modules[\\/](jsdom|@mozilla)[\\/]/.test(p))).toEqual([]);
    // The listing does see them where they are used: importing HTML loads jsdom and Readability.
    const imported = loadedBy('import', '--workspace', join(dir, 'ws'), join(ROOT, 'samples'));
    expect(imported.some((p) => /[\\/]node_modules[\\/]jsdom[\\/]/.test(p))).toBe(true);
    expect(imported.some((p) => /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]/.test(p))).toBe(true);
  });
});

describe('claimdesk import, stats and validate', () => {
  it('imports a corpus with bad records (exit 1, file:line listed), then validate finds the unattributed claim', async () => {
    const dir = await tempDir();
    const ws = join(dir, 'ws');
    const good = generateDocument(0, { seed: 9, annotations: 4, words: 30 });
    // A claim marked attributed with no attributed_to link: validate must flag it.
    const lonely = { ...good, relations: [] };
    await writeFile(join(dir, 'corpus.jsonl'), [toJsonlHeader(FIXTURE_SCHEMA), 'not json', toJsonlLine(lonely)].join('\n'));
    const imported = run('import', '--workspace', ws, join(dir, 'corpus.jsonl'));
    expect(imported.code).toBe(1);
    expect(imported.err).toMatch(/problem +corpus\.jsonl:2: not valid JSON/);
    expect(imported.out).toMatch(/1 imported, 0 already present, 0 failed, 1 record problem/);
    const stats = run('stats', '--workspace', ws);
    expect(stats.code).toBe(0);
    expect(stats.out).toMatch(/documents +1/);
    expect(stats.out).toMatch(/Claim +1/);
    const validate = run('validate', '--workspace', ws);
    expect(validate.code).toBe(1);
    expect(validate.out).toMatch(/attribution .*attributed but has no attributed_to link/);
    expect(validate.out).toMatch(/1 document\(s\) checked: 1 problem\(s\)/);
  });

  it('validate lists required attributes left unset, and takes a stored legacy "unset" for no value (not a value the schema lacks)', async () => {
    const dir = await tempDir();
    const { workspace } = await buildFixtureWorkspace(dir);
    const required = (l: LabelDef): LabelDef =>
      l.name === 'Claim' ? { ...l, attributes: l.attributes.map((a) => (a.name === 'claim_type' ? { ...a, required: true } : a)) } : l;
    await workspace.updateSchema({ ...FIXTURE_SCHEMA, labels: FIXTURE_SCHEMA.labels.map(required) }, { renamedLabels: {}, removedLabels: [] });
    const ws = join(dir, 'workspace');
    const docId = workspace.listDocuments('')[0]!.id;
    // The file as an older Claimdesk wrote it: "unset" stored as a value, claim_type among them.
    const layer = await readLayerFile(ws, docId, FIXTURE_LAYER);
    const claim = layer.annotations.find((a) => a.label === 'Claim')!;
    const annotations = layer.annotations.map((a) =>
      a.id === claim.id ? { ...a, attributes: { ...a.attributes, claim_type: 'unset', checkworthy: 'unset' } } : a,
    );
    await writeFile(layerFile(ws, docId, FIXTURE_LAYER), JSON.stringify({ ...layer, annotations }));
    const r = run('validate', '--workspace', ws);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => / required /.test(l))).toEqual([
      expect.stringMatching(new RegExp(`^${docId} +${claim.id} .* required +required attribute claim_type not set`)),
    ]);
    expect(r.out).not.toMatch(/"unset" is not one of/);
    expect(r.out).toMatch(/3 document\(s\) checked: 1 problem\(s\)/);
  });

  it('validates a clean workspace with exit 0 and still imports plain articles', async () => {
    expect(run('validate', '--workspace', fixtureWs)).toMatchObject({ code: 0, out: expect.stringMatching(/3 document\(s\) checked: no problems/) });
    const ws = join(await tempDir(), 'ws');
    const r = run('import', '--workspace', ws, join(ROOT, 'samples'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/4 imported/);
  });
});

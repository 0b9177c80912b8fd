/**
 * Real git repositories for the sync tests: a bare repository in a temp folder as the remote,
 * clones of it as workspaces, workspace-shaped files written by hand (claimdesk.json, article and
 * layer files, as the layered store writes them), a SyncTarget over a folder, and the merge
 * driver's command line for these tests. Importing it makes git hermetic for the test file: no
 * global or system config, and a fixed identity in the environment.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { canonicalLayer, layerFileName, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import type { Annotation, IndexRow, Relation } from '../../../shared/model/types';
import { syncWorkspace, type SyncOptions, type SyncResult, type SyncTarget } from '../../../electron/services/sync/sync';
import { shellQuote } from '../../../electron/services/sync/repository';
import { tempDir } from './temp';

const HOME = await tempDir('claimdesk-git-home-');
writeFileSync(join(HOME, 'gitconfig'), '');
Object.assign(process.env, {
  GIT_CONFIG_GLOBAL: join(HOME, 'gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Analyst',
  GIT_AUTHOR_EMAIL: 'analyst@example.invalid',
  GIT_COMMITTER_NAME: 'Test Analyst',
  GIT_COMMITTER_EMAIL: 'analyst@example.invalid',
  GIT_CEILING_DIRECTORIES: dirname(HOME),
});

/** Runs git in `cwd` and returns its output (throws with git's message on failure). */
export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A bare repository (branch main) to act as the team's remote. */
export async function makeRemote(): Promise<string> {
  const dir = await tempDir('claimdesk-remote-');
  git(dir, 'init', '-q', '--bare', '-b', 'main');
  return dir;
}

/** A clone of `remote` (empty or not) in a fresh folder. */
export async function cloneOf(remote: string): Promise<string> {
  const dir = join(await tempDir('claimdesk-clone-'), 'ws');
  git(dirname(dir), 'clone', '-q', remote, dir);
  return dir;
}

/** tsx's loader by its full URL, so the driver runs from any folder git starts it in (the clone's, outside this repo). */
const TSX = import.meta.resolve('tsx');
/** The merge driver's command line for these tests: Node running support/merge-driver-child.ts through tsx. */
export const TEST_DRIVER = `${shellQuote(process.execPath)} --import ${shellQuote(TSX)} ${shellQuote(join(import.meta.dirname, 'merge-driver-child.ts'))} %O %A %B %P`;

export const TEXT = 'The minister said the budget would grow by ten percent next year, officials confirmed.';
export const DOC = 'd0c0001';
export const DOC2 = 'd0c0002';

const write = (path: string, value: unknown) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2));
};
export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export const row = (id: string, title: string): IndexRow => ({
  id,
  title,
  sourceName: `${title}.txt`,
  sha256: id.padEnd(64, '0'),
  textSha256: id.padEnd(64, '1'),
  importedAt: '2026-01-01T00:00:00.000Z',
  length: TEXT.length,
});

/** Writes claimdesk.json with these rows (and the default schema unless given). */
export function writeIndex(root: string, rows: readonly IndexRow[], more: Record<string, unknown> = {}): void {
  write(join(root, 'claimdesk.json'), { version: 2, schema: DEFAULT_SCHEMA, documents: rows, settings: {}, ...more });
}

/** Writes a document's article file. */
export function writeArticle(root: string, id: string, title: string): void {
  const article: ArticleFile = {
    version: 2,
    id,
    title,
    meta: {
      sourcePath: `/in/${title}.txt`,
      sourceName: `${title}.txt`,
      sha256: id.padEnd(64, '0'),
      importedAt: 't0',
      format: 'txt',
      byteLength: TEXT.length,
    },
    text: TEXT,
    blocks: [{ type: 'paragraph', start: 0, end: TEXT.length }],
  };
  write(join(root, 'documents', id, 'article.json'), article);
}

/** A workspace with one document per [id, title] and no layers yet. */
export function writeWorkspace(root: string, docs: readonly (readonly [string, string])[] = [[DOC, 'Budget']]): void {
  writeIndex(
    root,
    docs.map(([id, title]) => row(id, title)),
  );
  for (const [id, title] of docs) writeArticle(root, id, title);
}

export const layerPath = (root: string, docId: string, annotator: string): string =>
  join(root, 'documents', docId, 'layers', layerFileName(annotator));

/** Writes an annotator's layer of a document, in its stable form. */
export function writeLayer(
  root: string,
  docId: string,
  annotator: string,
  annotations: readonly Annotation[],
  relations: readonly Relation[] = [],
): void {
  write(
    layerPath(root, docId, annotator),
    canonicalLayer({ docId, layer: annotator, status: 'in_progress', attributes: {}, annotations, relations }),
  );
}

export const readLayer = (root: string, docId: string, annotator: string): LayerFile => readJson<LayerFile>(layerPath(root, docId, annotator));

/** An annotation over the first `quote` in TEXT. */
export function ann(id: string, label: string, quote: string, author = 'alice', more: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  return { id, label, start, end: start + quote.length, quote, attributes: {}, author, createdAt: 't0', updatedAt: 't0', ...more };
}

/** A SyncTarget over a folder: `exclusive` runs the task (after `before`, if set), reload records the paths. */
export type TestTarget = SyncTarget & { reloaded: string[][]; before: (() => Promise<void>) | null };

export function targetFor(root: string, annotator: string): TestTarget {
  const target: TestTarget = {
    root,
    annotator,
    reloaded: [],
    before: null,
    exclusive: async (task) => {
      await target.before?.();
      return task();
    },
    reload: async (paths) => {
      target.reloaded.push([...paths]);
    },
    titleOf: (id) => readJson<{ documents: IndexRow[] }>(join(root, 'claimdesk.json')).documents.find((d) => d.id === id)?.title ?? null,
  };
  return target;
}

/** Syncs with the test driver and checks that the work tree is clean afterwards. */
export async function syncOk(target: SyncTarget, options: SyncOptions = {}): Promise<SyncResult> {
  const result = await syncWorkspace(target, { mergeDriver: TEST_DRIVER, ...options });
  expect(git(target.root, 'status', '--porcelain')).toBe('');
  return result;
}

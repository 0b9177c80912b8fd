/**
 * The one entry for merging a workspace's JSON files: picks the merge by the file's path
 * (claimdesk.json, an article file, a layer file), parses the three versions and writes the result
 * as the store writes files (`JSON.stringify(value, null, 2)`). Used by the git merge driver and
 * by sync's own fallback. Pure.
 */
import type { ArticleFile, LayerFile } from '../model/layers';
import { DOC_ID_PATTERN } from '../model/keys';
import { mergeArticle } from './article';
import { mergeLayer, type MergeResult } from './layer';
import { isObject } from './three-way';
import { mergeIndexFile, type IndexFileJson } from './workspace-index';

/** The workspace files that merge by their content. */
export type WorkspaceFileKind = 'index' | 'article' | 'layer';

const DOC_ID = DOC_ID_PATTERN.source.slice(1, -1);
const KINDS: readonly (readonly [WorkspaceFileKind, RegExp])[] = [
  ['index', /(?:^|\/)claimdesk\.json$/],
  ['article', new RegExp(`(?:^|/)documents/${DOC_ID}/article\\.json$`)],
  ['layer', new RegExp(`(?:^|/)documents/${DOC_ID}/(?:layers/[^/]+|curated)\\.json$`)],
];

/**
 * Which workspace file a path names, or null for any other file. The path may lie below the
 * repository's root (a workspace in a subfolder), so only its end is looked at.
 * @param pathInRepo a path relative to the repository (`/` or `\` separators)
 */
export function workspaceFileKind(pathInRepo: string): WorkspaceFileKind | null {
  const path = pathInRepo.replaceAll('\\', '/');
  return KINDS.find(([, pattern]) => pattern.test(path))?.[0] ?? null;
}

/** The three versions a merge reads, as a message names them. */
export type MergeSide = 'ours' | 'theirs';
const SIDE_NAMES: Readonly<Record<MergeSide, string>> = { ours: "this machine's version", theirs: 'the incoming version' };

/** A version of a workspace file that cannot be merged because it is not the JSON its path calls for. */
export class UnmergeableFileError extends Error {
  override name = 'UnmergeableFileError';
  constructor(
    readonly path: string,
    readonly side: MergeSide,
    reason: string,
  ) {
    super(
      `${path} cannot be merged: ${SIDE_NAMES[side]} ${reason}; settle it with git (keep one version: git checkout --ours or --theirs -- ${path}, then git add it)`,
    );
  }
}

/** What a file of each kind must hold for its merge to read it. */
function shapeProblem(kind: WorkspaceFileKind, value: unknown): string | null {
  if (!isObject(value)) return 'does not hold a JSON object';
  if (kind === 'layer' && (!Array.isArray(value.annotations) || !Array.isArray(value.relations))) return 'has no "annotations" or "relations" list';
  if (kind === 'index' && value.documents !== undefined && !Array.isArray(value.documents)) return 'has a "documents" that is not a list';
  return null;
}

function parse(text: string, kind: WorkspaceFileKind): { value: unknown } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `is not valid JSON (${(err as Error).message})` };
  }
  const problem = shapeProblem(kind, value);
  return problem === null ? { value } : { problem };
}

function side(path: string, which: MergeSide, text: string, kind: WorkspaceFileKind): unknown {
  const parsed = parse(text, kind);
  if ('problem' in parsed) throw new UnmergeableFileError(path, which, parsed.problem);
  return parsed.value;
}

/**
 * Merges three versions of a workspace JSON file.
 * @param pathInRepo the file's path (it decides the merge; see workspaceFileKind)
 * @param baseText the common ancestor, or null or '' when both sides added the file (an ancestor
 *   that does not parse is treated as none: the merge then records every difference)
 * @returns the merged text, as the store writes it, and how many conflicts were recorded
 * @throws UnmergeableFileError when ours or theirs is not valid JSON of the right shape (the
 *   message says which and what to do); TypeError when the path is no workspace JSON file
 */
export function mergeWorkspaceJson(
  pathInRepo: string,
  baseText: string | null,
  oursText: string,
  theirsText: string,
): { text: string; conflicts: number } {
  const kind = workspaceFileKind(pathInRepo);
  if (kind === null) throw new TypeError(`mergeWorkspaceJson: ${pathInRepo} is not a Claimdesk workspace file`);
  const ours = side(pathInRepo, 'ours', oursText, kind);
  const theirs = side(pathInRepo, 'theirs', theirsText, kind);
  const parsedBase = baseText === null || baseText.trim() === '' ? null : parse(baseText, kind);
  const base = parsedBase !== null && 'value' in parsedBase ? parsedBase.value : null;
  let result: MergeResult<unknown>;
  if (kind === 'layer') result = mergeLayer(base as LayerFile | null, ours as LayerFile, theirs as LayerFile);
  else if (kind === 'article') result = mergeArticle(base as ArticleFile | null, ours as ArticleFile, theirs as ArticleFile);
  else result = mergeIndexFile(base as IndexFileJson | null, ours as IndexFileJson, theirs as IndexFileJson);
  return { text: JSON.stringify(result.merged, null, 2), conflicts: result.conflicts };
}

/**
 * How many conflicts a workspace JSON file holds (in a layer: the layer's and every
 * annotation's; in claimdesk.json: its list); 0 for an article, another file, or text that does
 * not parse.
 */
export function conflictsIn(pathInRepo: string, text: string): number {
  const kind = workspaceFileKind(pathInRepo);
  if (kind === null || kind === 'article') return 0;
  const parsed = parse(text, kind);
  if (!('value' in parsed) || !isObject(parsed.value)) return 0;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const file = parsed.value;
  if (kind === 'index') return count(file.conflicts);
  const annotations = file.annotations as readonly unknown[];
  return count(file.conflicts) + annotations.reduce<number>((n, a) => n + (isObject(a) ? count(a.conflicts) : 0), 0);
}

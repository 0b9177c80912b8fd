/**
 * The three-way merge of an article file (`documents/<id>/article.json`): written once at import,
 * so only a rename (the title) ever changes it. Field by field; a true conflict keeps ours (the
 * index row's title, merged in claimdesk.json, records the conflict for the app to show). Pure.
 */
import type { ArticleFile } from '../model/layers';
import type { MergeResult } from './layer';
import { mergeObject, NONE, type ConflictLog } from './three-way';

/**
 * Merges two versions of an article file against their common ancestor.
 * @param base the ancestor, or null when both sides added the file
 * @returns the merged article (ours' field order) and how many fields conflicted (ours kept)
 */
export function mergeArticle(base: ArticleFile | null, ours: ArticleFile, theirs: ArticleFile): MergeResult<ArticleFile> {
  const log: ConflictLog = [];
  const merged = mergeObject('', base ?? NONE, ours, theirs, log) as unknown as ArticleFile;
  return { merged, conflicts: log.length };
}

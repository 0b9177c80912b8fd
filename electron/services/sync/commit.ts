/**
 * Committing a workspace's changes for a sync: everything in the workspace folder that git does
 * not ignore is staged, and committed (only the workspace's paths, whatever else is staged in
 * the repository) with a message naming the documents that changed. Call it while no workspace
 * write is under way. Plain Node.
 */
import { DOC_ID_PATTERN } from '../../../shared/model/keys';
import { DOCUMENTS_DIR, INDEX_FILE } from '../workspace/files';
import { gitIn, type Repo } from './repo-state';

const DOCUMENT_PATH = new RegExp(`^${DOCUMENTS_DIR}/(${DOC_ID_PATTERN.source.slice(1, -1)})/`);

/** The document a workspace path belongs to (`documents/<id>/...`), or null. */
export const documentOfPath = (path: string): string | null => DOCUMENT_PATH.exec(path)?.[1] ?? null;

/** A commit made by a sync. */
export type CommitOutcome = Readonly<{ message: string; paths: readonly string[] }>;

/**
 * The message of a sync's commit: "Claimdesk sync by <annotator>: N documents", then a line per
 * document ("- <title> (<id>)", in the order first changed) and "- schema/index" when
 * claimdesk.json changed.
 * @param paths the changed paths, relative to the workspace folder with /
 * @param titleOf a document's title, or null when it is gone
 */
export function commitMessage(annotator: string, paths: readonly string[], titleOf: (docId: string) => string | null): string {
  const docIds = [...new Set(paths.map(documentOfPath).filter((id): id is string => id !== null))];
  const lines = docIds.map((id) => `- ${titleOf(id) ?? 'a removed document'} (${id})`);
  if (paths.includes(INDEX_FILE)) lines.push('- schema/index');
  const subject = `Claimdesk sync by ${annotator}: ${docIds.length} ${docIds.length === 1 ? 'document' : 'documents'}`;
  return lines.length === 0 ? subject : `${subject}\n\n${lines.join('\n')}`;
}

/** Paths from `git … --name-only -z`. */
export const splitPaths = (out: string): string[] => out.split('\0').filter((p) => p !== '');

/**
 * Stages the workspace folder and commits it when anything changed.
 * @returns the commit made, or null when there was nothing to commit
 * @throws SyncError when git fails (a hook refusing, a locked index)
 */
export async function commitWorkspace(repo: Repo, annotator: string, titleOf: (docId: string) => string | null): Promise<CommitOutcome | null> {
  await gitIn(repo, ['add', '-A', '--', '.'], 'staging your changes');
  const paths = splitPaths(await gitIn(repo, ['diff', '--cached', '--name-only', '-z', '--relative', '--', '.'], 'listing your changes'));
  if (paths.length === 0) return null;
  const message = commitMessage(annotator, paths, titleOf);
  // With a path, git commits only the workspace: anything else the user staged stays staged.
  await gitIn(repo, [...repo.identity, 'commit', '-q', '-m', message, '--', '.'], 'committing your changes');
  return { message, paths };
}

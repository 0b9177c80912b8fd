/**
 * What the workspace remembers of suggestions (#15), per document, in the local-only folder
 * `.suggestions/` (git ignores it, so nothing about a suggestion reaches git until it is accepted):
 * whether suggestions are turned on for the document, and the keys each layer's analyst rejected.
 * One small JSON file per document, `{ version: 1, enabled, textSha256?, rejected: { [layer]: keys } }`,
 * written whole and atomically. A file that does not parse or has another shape is reported and
 * never overwritten. Keys are offsets into one text, so rejections hold for the text they were
 * made on: `textSha256` is that text's hash (textHash), written with them; once the document's
 * text has another (a reimport changed it) they no longer apply: none are answered, and the next
 * rejection drops them (a reimport is deliberate, so this is no problem to report). A file from
 * before `textSha256` was written holds for the text it is next written with. Layer names are
 * user strings: they are only read as own keys of a null-prototype record (`constructor` and
 * `__proto__` are layers like any other). Updates to the files run one at a time, and each one adds or removes keys
 * (never writes back a copy read before another update), so two tabs of the same analyst that
 * reject at the same time keep both rejections.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api';
import { keyedRecord } from '../../../shared/model/keys';
import type { DocId } from '../../../shared/model/types';
import type { SuggestionKey } from '../../../shared/suggest/types';
import { writeFileAtomically } from '../store/atomic-file';
import { prettyJson } from '../store/pretty-json';
import { SerialQueue } from '../store/serial';
import { SUGGESTIONS_DIR } from '../workspace/files';

/** The format version of a suggestions file. */
export const SUGGESTIONS_FILE_VERSION = 1;

/** One document's suggestions file. */
export type SuggestionsFile = Readonly<{
  version: typeof SUGGESTIONS_FILE_VERSION;
  enabled: boolean;
  /** The SHA-256 of the document's text (textHash) the rejections were made on; absent until a rejection is written. */
  textSha256?: string;
  /** Rejected keys by layer name, each list sorted and without repeats (a null-prototype record once read). */
  rejected: Readonly<Record<string, readonly SuggestionKey[]>>;
}>;

/** A document's file as read: its content (the empty one when missing or damaged), and why it cannot be used, or null. */
export type SuggestionsState = Readonly<{ file: SuggestionsFile; problem: string | null }>;

/** What a document with no file (or a damaged one) stands for: suggestions off, nothing rejected. */
export const EMPTY_SUGGESTIONS_FILE: SuggestionsFile = { version: SUGGESTIONS_FILE_VERSION, enabled: false, rejected: {} };

/** The suggestions file of a document (its id is a checked document id, so the path stays in .suggestions/). */
export const suggestionsPath = (root: string, docId: DocId): string => join(root, SUGGESTIONS_DIR, `${docId}.json`);

/**
 * Reads a document's suggestions file.
 * @returns the file (EMPTY_SUGGESTIONS_FILE when there is none) and, for a damaged file, a sentence
 *   saying what is wrong and what to do (the empty file stands for it meanwhile)
 * @throws the fs error when the file exists but cannot be read
 */
export async function readSuggestionsFile(root: string, docId: DocId): Promise<SuggestionsState> {
  const path = suggestionsPath(root, docId);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file: EMPTY_SUGGESTIONS_FILE, problem: null };
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    return { file: EMPTY_SUGGESTIONS_FILE, problem: damaged(path, `it is not valid JSON (${(err as Error).message})`) };
  }
  const why = fileProblem(parsed);
  if (why !== null) return { file: EMPTY_SUGGESTIONS_FILE, problem: damaged(path, why) };
  const file = parsed as SuggestionsFile;
  // Own keys only, so a layer named __proto__ stays a key (Object.assign defines it on a record with no prototype).
  return { file: { ...file, rejected: Object.assign(keyedRecord<readonly SuggestionKey[]>(), file.rejected) }, problem: null };
}

/** Why `value` is not a suggestions file Claimdesk can use, or null. */
function fileProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const file = value as Record<string, unknown>;
  if (file.version !== SUGGESTIONS_FILE_VERSION)
    return typeof file.version === 'number' && file.version > SUGGESTIONS_FILE_VERSION
      ? `it was written by a newer Claimdesk (version ${file.version})`
      : 'its "version" is not 1';
  if (typeof file.enabled !== 'boolean') return 'its "enabled" field is not true or false';
  if (file.textSha256 !== undefined && typeof file.textSha256 !== 'string') return 'its "textSha256" field is not a string';
  const rejected = file.rejected;
  if (typeof rejected !== 'object' || rejected === null || Array.isArray(rejected)) return 'its "rejected" field is not an object';
  for (const [layer, keys] of Object.entries(rejected))
    if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) return `its rejected keys of layer "${layer}" are not a list of strings`;
  return null;
}

const damaged = (path: string, why: string): string =>
  `${path} cannot be used: ${why}. Claimdesk has left it untouched and counts nothing as rejected meanwhile; move the file away (its rejections are then forgotten) or restore it`;

/** The updates of suggestions files, one at a time (see the module comment). */
export class SuggestionsFiles {
  private readonly queue = new SerialQueue();

  /**
   * Changes one document's file: reads it, applies `change`, and writes the result when it differs.
   * @returns the file as it is now
   * @throws ApiError CONFLICT when the file is damaged (it is not overwritten); IO when it cannot be read or written
   */
  update(root: string, docId: DocId, change: (file: SuggestionsFile) => SuggestionsFile): Promise<SuggestionsFile> {
    return this.queue.run(async () => {
      const path = suggestionsPath(root, docId);
      let state: SuggestionsState;
      try {
        state = await readSuggestionsFile(root, docId);
      } catch (err) {
        throw new ApiError('IO', `${path} cannot be read (${(err as Error).message}); check its permissions`);
      }
      if (state.problem !== null) throw new ApiError('CONFLICT', state.problem);
      const next = change(state.file);
      const written = prettyJson(next);
      if (written === prettyJson(state.file)) return state.file;
      try {
        await mkdir(join(root, SUGGESTIONS_DIR), { recursive: true });
        await writeFileAtomically(path, written);
      } catch (err) {
        throw new ApiError(
          'IO',
          `${path} could not be written (${(err as Error).message}); check that the workspace folder is writable and has space`,
        );
      }
      return next;
    });
  }
}

/** The file with suggestions turned on. */
export const withEnabled = (file: SuggestionsFile): SuggestionsFile => (file.enabled ? file : { ...file, enabled: true });

/** True when the file's rejections were made on the text whose hash is `textSha256` (or on an unknown one: see the module comment). */
const madeOn = (file: SuggestionsFile, textSha256: string): boolean => file.textSha256 === undefined || file.textSha256 === textSha256;

/**
 * The keys `layer` rejected in a document.
 * @param textSha256 the hash (textHash) of the document's text now
 * @returns the keys; none when they were made on another text
 */
export function rejectedOf(file: SuggestionsFile, layer: string, textSha256: string): readonly SuggestionKey[] {
  return madeOn(file, textSha256) && Object.hasOwn(file.rejected, layer) ? file.rejected[layer]! : [];
}

/**
 * The file with `keys` added to (or, with `undo`, removed from) the rejections of `layer`; a layer
 * left with none is dropped. Every layer's rejections made on another text are dropped too.
 * @param textSha256 the hash (textHash) of the document's text now, written with the rejections
 */
export function withRejected(
  file: SuggestionsFile,
  layer: string,
  keys: readonly SuggestionKey[],
  undo: boolean,
  textSha256: string,
): SuggestionsFile {
  const rejected = keyedRecord<readonly SuggestionKey[]>();
  if (madeOn(file, textSha256)) Object.assign(rejected, file.rejected);
  const current = new Set(rejectedOf({ ...file, rejected }, layer, textSha256));
  for (const key of keys) {
    if (undo) current.delete(key);
    else current.add(key);
  }
  if (current.size === 0) delete rejected[layer];
  else rejected[layer] = [...current].sort();
  return { ...file, textSha256, rejected };
}

/**
 * Reading and writing Claimdesk's JSON files through lowdb. A file that does not parse, or has
 * a newer version, is refused with a clear ApiError and is never written afterwards: callers
 * only ever get a writable handle for a file that was read successfully or did not exist.
 */
import { constants, copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { ApiError } from '../../../shared/api';
import type { MigrateResult } from '../../../shared/model/migrate';
import { writeFileAtomically } from './atomic-file';
import { prettyJsonBytesInSlices } from './pretty-json';
import { timeSlicer } from './time-slice';

/** Size and modification time of each file as this process last wrote it. */
const ownWrites = new Map<string, string>();
/** Files this process is writing right now (their events are our own). */
const writing = new Map<string, number>();

const signature = async (path: string): Promise<string | null> => {
  try {
    const info = await stat(path);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
};

/**
 * lowdb's JSON file adapter: read as lowdb's TextFile does, written atomically (temporary file,
 * then rename: writeFileAtomically) as bytes kept per object (prettyJsonBytes), so that a save
 * encodes only what changed. The bytes are built with pauses, so that writing a 20 MB article's
 * file does not hold the event loop for a second; writes therefore go out one after another in
 * call order, each with the data it was given (callers replace their data, never edit it in
 * place). What was written is remembered, so that changes by other programs can be told apart.
 */
class TrackedJsonFile<T> implements Adapter<T> {
  private readonly file: TextFile;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {
    this.file = new TextFile(path);
  }

  async read(): Promise<T | null> {
    const text = await this.file.read();
    return text === null ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    writing.set(this.path, (writing.get(this.path) ?? 0) + 1);
    const done = this.queue.then(() => this.writeNow(data));
    this.queue = done.catch(() => undefined); // the caller hears of the failure; the next write still runs
    return done;
  }

  private async writeNow(data: T): Promise<void> {
    try {
      await writeFileAtomically(this.path, await prettyJsonBytesInSlices(data, timeSlicer()));
      const sig = await signature(this.path);
      if (sig) ownWrites.set(this.path, sig);
    } catch (err) {
      // A write that failed half-way (a full disk) has removed its temporary file (writeFileAtomically);
      // if removing failed too (the disk is gone), the sweep on the next open takes it.
      throw writeError(this.path, err);
    } finally {
      const n = (writing.get(this.path) ?? 1) - 1;
      if (n === 0) writing.delete(this.path);
      else writing.set(this.path, n);
    }
  }
}

/**
 * Turns a failed write into an IO ApiError whose first sentence says what is wrong and what to
 * do (the status bar shows it), followed by which file and that nothing was lost (the caller
 * keeps the unsaved change and retries).
 */
export function writeError(path: string, err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const why: Record<string, string> = {
    ENOSPC: 'The disk is full; free some space on it (delete or move other files)',
    EDQUOT: 'Your disk quota is used up; free some space on it (delete or move other files)',
    EFBIG: 'The disk or system refuses a file this large (a file-size limit is reached); raise the limit or move the workspace to another disk',
    EACCES: 'The workspace folder is not writable; check its permissions',
    EPERM: 'The workspace folder is not writable; check its permissions',
    EROFS: 'The workspace is on a read-only disk; move it to a writable one',
    EISDIR: 'Something else is in the way of the file (a folder with its temporary name); move it away',
    ENOENT: 'The workspace folder was moved or deleted; put it back',
  };
  return new ApiError('IO', `${why[code] ?? (err as Error).message}. Could not save ${path}. Your changes are kept and saving will be retried`);
}

/**
 * True when the file on disk is not the one this process last wrote or read (another program,
 * a git checkout or pull changed it).
 */
export async function isChangedElsewhere(path: string): Promise<boolean> {
  if (writing.has(path)) return false;
  const sig = await signature(path);
  if (writing.has(path)) return false;
  return sig !== null && sig !== ownWrites.get(path);
}

/**
 * Opens a lowdb file, validating and migrating what is on disk.
 * @param path the JSON file
 * @param migrate validator/migrator for the parsed content
 * @param create the content of a new file, or null when the file must exist
 * @param backupTo where a file of an older version is copied, as it is, before the caller may
 *   write the migrated content (given the version it had); null when the caller will not write it
 * @returns a Low whose data is current and valid, and whether it was just created or migrated
 * @throws ApiError NOT_FOUND (missing and `create` is null), IO (unparseable, or the copy of an
 *   older file failed: then nothing is to be written), CONFLICT (newer or malformed)
 */
export async function openJsonFile<T>(
  path: string,
  migrate: (raw: unknown) => MigrateResult<T>,
  create: (() => T) | null,
  backupTo: ((fromVersion: number) => string) | null = null,
): Promise<{ db: Low<T>; isNew: boolean; migrated: boolean; fromVersion: number | null }> {
  let raw: string | null = null;
  // The signature before the read: a file replaced during the read then looks changed (and is
  // read again by the watcher), never unchanged.
  const before = await signature(path);
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ApiError('IO', `${path} cannot be read (${(err as Error).message}); check its permissions`);
    }
  }
  if (raw === null) {
    if (!create) throw new ApiError('NOT_FOUND', `${path} does not exist`);
    const db = new Low<T>(new TrackedJsonFile<T>(path), create());
    return { db, isNew: true, migrated: false, fromVersion: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new ApiError(
      'IO',
      `${path} is not valid JSON (${(err as Error).message}). Claimdesk has left it untouched: restore it from a backup or git, or move it away`,
    );
  }
  const result = migrate(parsed);
  if (!result.ok) throw new ApiError('CONFLICT', `${path} cannot be opened: ${result.reason}. Claimdesk has left it untouched`);
  if (result.migrated && backupTo) await keepOriginal(path, backupTo(result.fromVersion));
  const db = new Low<T>(new TrackedJsonFile<T>(path), result.value);
  if (before) ownWrites.set(path, before);
  return { db, isNew: false, migrated: result.migrated, fromVersion: result.fromVersion };
}

/**
 * Copies a file of an older format version, byte for byte, before its migrated content may be
 * written. An earlier copy at `target` is kept: it is the older original.
 * @throws ApiError IO when the copy cannot be made
 */
async function keepOriginal(path: string, target: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
    await copyFile(path, target, constants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  } catch (err) {
    throw new ApiError(
      'IO',
      `Could not keep a copy of ${path} (${(err as Error).message}) before bringing it up to date, so Claimdesk has left it untouched; free some space or check the permissions of ${dirname(target)}`,
    );
  }
}

/**
 * Where an export is written, all or nothing: every file goes to a temporary name in the target's
 * own folder (a temp file, or a temp folder for multi-file exports) and is renamed onto the target
 * at the end. On failure or cancellation the temp is removed, so no half-written export is ever
 * left under the target's name. An existing target is refused unless `force`; a target that is a
 * workspace's own file, inside one, or the workspace folder itself is refused always
 * (`workspaceOutputProblem`, for shells that let the user type the path).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { ApiError } from '../../../shared/api';
import { DOCUMENTS_DIR, INDEX_FILE, LOCAL_ONLY_DIRS } from '../workspace/files';
import { LOCK_FILE } from '../store/workspace-lock';

/**
 * What a workspace folder holds of its own (workspace.ts's index and documents, its local-only
 * folders: caches, backups, trash, suggestions, and the lock): an export may not replace any of
 * them or write into them, even with force.
 */
const WORKSPACE_OWN_NAMES: readonly string[] = [INDEX_FILE, DOCUMENTS_DIR, ...LOCAL_ONLY_DIRS, LOCK_FILE];

/** Bytes gathered before a write, so that small appends cost no system call each. */
const FLUSH_BYTES = 1 << 20;

/**
 * An output file written in order, through two reused buffers: text is encoded as it comes, so
 * the strings appended die young and memory stays flat (holding them until a flush would move
 * them all into the old generation, for a major collection to find). One buffer fills while the
 * other is being written, so serializing goes on during the write.
 */
export class StreamFile {
  private buffer = Buffer.allocUnsafe(FLUSH_BYTES);
  private spare = Buffer.allocUnsafe(FLUSH_BYTES);
  private used = 0;
  private written = 0;
  /** The write of the spare buffer in flight: it must settle before that buffer is filled again. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly handle: FileHandle) {}

  /** Appends text (written when the buffer is full, or on close). */
  async write(text: string): Promise<void> {
    if (text === '') return;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: count exactly only when that may not fit.
    if (this.used + text.length * 3 > this.buffer.length) {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (this.used + bytes > this.buffer.length) await this.flush();
      if (bytes > this.buffer.length) {
        await this.writing;
        await this.handle.write(Buffer.from(text, 'utf8'));
        this.written += bytes;
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Bytes written so far (by the writes that have finished). */
  get bytesWritten(): number {
    return this.written;
  }

  /** Starts writing the full buffer and goes on in the spare one, once the spare's own write is done. */
  private async flush(): Promise<void> {
    await this.writing;
    if (this.used === 0) return;
    const full = this.buffer;
    const used = this.used;
    this.writing = this.handle.write(full, 0, used).then(() => {
      this.written += used;
    });
    this.writing.catch(() => undefined); // not unhandled meanwhile: the next flush or close awaits it and throws
    this.buffer = this.spare;
    this.spare = full;
    this.used = 0;
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.writing;
    } finally {
      await this.handle.close();
    }
  }
}

/** Turns an fs error while preparing or writing an export into a message a user can act on. */
function ioError(path: string, err: unknown): ApiError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ApiError('IO', `cannot write into ${dirname(path)} (permission denied); choose a folder you can write to`);
  if (code === 'ENOSPC') return new ApiError('IO', `the disk holding ${path} is full; free some space and export again`);
  if (code === 'ENOTDIR') return new ApiError('IO', `${dirname(path)} is not a folder`);
  return new ApiError('IO', `cannot write ${path} (${(err as Error).message})`);
}

async function exists(path: string): Promise<'file' | 'folder' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Where `path` really is: the real path of its nearest existing parent folder, with the rest of
 * the path as written. The last name is not resolved: an output replaces a symlink there (rename),
 * never the file it points to.
 * @throws fs errors other than a missing component
 */
export async function realOutputPath(path: string): Promise<string> {
  const rest = [basename(resolve(path))];
  for (let at = dirname(resolve(path)); ; at = dirname(at)) {
    try {
      return join(await realpath(at), ...rest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(at) === at) throw err;
      rest.unshift(basename(at));
    }
  }
}

const isSameOrInside = (path: string, folder: string): boolean => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Why `target` may not be an output of the workspace in `workspaceDir`, or null when it may: it
 * may not be the workspace folder or a folder holding it (a folder export with force replaces
 * its target), nor one of the workspace's own files or anything inside them. Symlinks are
 * resolved (realOutputPath), so no link leads an output into them.
 * @returns a sentence for the user, or null
 * @throws fs errors other than a missing component
 */
export async function workspaceOutputProblem(target: string, workspaceDir: string): Promise<string | null> {
  const [real, root] = await Promise.all([realOutputPath(target), realpath(workspaceDir)]);
  if (isSameOrInside(root, real)) return `${resolve(target)} is the workspace folder or holds it; choose a path outside ${root}`;
  const own = WORKSPACE_OWN_NAMES.find((name) => isSameOrInside(real, join(root, name)));
  return own === undefined ? null : `${resolve(target)} is inside the workspace's own files (${own}); choose a path outside them`;
}

/** An export being written: a temp file or folder next to the target, renamed onto it by commit(). */
export class ExportOutput {
  private readonly files: StreamFile[] = [];
  private readonly written: string[] = [];
  private done = false;

  private constructor(
    readonly target: string,
    readonly kind: 'file' | 'folder',
    private readonly temp: string,
    private readonly force: boolean,
  ) {}

  /**
   * Prepares an export target.
   * @param target the file or folder to create
   * @param kind whether the export is one file or a folder of files
   * @param force replace the target when it exists
   * @throws ApiError CONFLICT when the target exists and force is off, or is a folder where a file
   *   is to go (and the other way round); IO when its folder cannot be written
   */
  static async create(target: string, kind: 'file' | 'folder', force: boolean): Promise<ExportOutput> {
    const path = resolve(target);
    let present: 'file' | 'folder' | null;
    try {
      present = await exists(path);
    } catch (err) {
      throw ioError(path, err);
    }
    if (present && present !== kind) throw new ApiError('CONFLICT', `${path} is a ${present}, and this export writes a ${kind}; choose another name`);
    if (present && !force) throw new ApiError('CONFLICT', `${path} already exists; choose another name or use --force to replace it`);
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(path), { recursive: true });
      if (kind === 'folder') await mkdir(temp);
    } catch (err) {
      throw ioError(path, err);
    }
    const output = new ExportOutput(path, kind, temp, force);
    return output;
  }

  /** The path of a file inside the output, as it will be after commit. */
  finalPath(name: string): string {
    return this.kind === 'file' ? this.target : join(this.target, name);
  }

  /** Where a file of the output is written until commit (the temp file itself for kind file). */
  private tempPath(name: string): string {
    return this.kind === 'file' ? this.temp : join(this.temp, name);
  }

  /**
   * Opens a stream file: the output itself (kind file; name ignored) or one inside the folder.
   * @throws ApiError IO
   */
  async stream(name: string): Promise<StreamFile> {
    const path = this.tempPath(name);
    try {
      await mkdir(dirname(path), { recursive: true });
      const file = new StreamFile(await open(path, 'wx'));
      this.files.push(file);
      this.written.push(this.kind === 'file' ? basename(this.target) : name);
      return file;
    } catch (err) {
      throw ioError(this.finalPath(name), err);
    }
  }

  /**
   * Writes a whole file inside a folder output (in one call: no stream buffer for a small file).
   * @throws ApiError IO
   */
  async writeFile(name: string, text: string): Promise<void> {
    const path = this.tempPath(name);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, { flag: 'wx' });
      this.written.push(this.kind === 'file' ? basename(this.target) : name);
    } catch (err) {
      throw ioError(this.finalPath(name), err);
    }
  }

  /** The files written, relative to the target folder (the target's name for a file output). */
  get fileNames(): readonly string[] {
    return this.written;
  }

  /**
   * Closes every file and renames the temp onto the target (an existing target, with force, is
   * moved aside first and removed after).
   * @throws ApiError IO; the temp is removed then
   */
  async commit(): Promise<void> {
    try {
      for (const f of this.files.splice(0)) await f.close();
      const present = await exists(this.target);
      if (present === 'folder' && this.force) {
        const aside = `${this.temp}.old`;
        await rename(this.target, aside);
        await rename(this.temp, this.target);
        await rm(aside, { recursive: true, force: true });
      } else {
        if (present && !this.force) throw new ApiError('CONFLICT', `${this.target} appeared while exporting; nothing was replaced`);
        await rename(this.temp, this.target);
      }
      this.done = true;
    } catch (err) {
      await this.discard();
      throw err instanceof ApiError ? err : ioError(this.target, err);
    }
  }

  /** Closes and removes the temp (after a failure or cancellation); the target is untouched. */
  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const f of this.files.splice(0)) await f.close().catch(() => undefined); // closing a broken file must not hide the first error
    await rm(this.temp, { recursive: true, force: true });
  }
}

/**
 * The desktop shell's decisions about workspaces, apart from Electron, so they run under Node
 * on real workspaces: which workspace to open at launch, switching to another (File > Open
 * Workspace, New Workspace, Open Recent), what a second launch asks for, and closing on quit.
 * main.ts calls it and shows the outcomes; this module never shows anything itself.
 *
 * Contract:
 * - The open workspace is always watched (changes by other programs are noticed), whichever
 *   way it was opened.
 * - A workspace is only ever replaced after its successor is open, and opening the folder
 *   already open (writable) keeps it: closing the old one would release the lock the new one
 *   shares with it, leaving the folder writable by a second Claimdesk.
 * - Operations run one at a time, in the order asked. A second launch that arrives before the
 *   launch workspace is open waits for it; quit() waits for a switch under way and closes
 *   what it opened; nothing is opened after quit().
 */
import { realpath } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertNever } from '../../shared/assert-never';
import type { WorkspaceSession } from '../services/api';
import { Workspace } from '../services/workspace';
import { secondLaunchRequest } from './command-line';

/** Opens (or creates) a workspace folder; Workspace.open unless a test says otherwise. */
export type OpenWorkspace = (dir: string, options?: { seedDir?: string }) => Promise<Workspace>;

/** What the launch may open: `--workspace`, else the most recent workspace, else the fallback (seeded when new). */
export type LaunchPlan = Readonly<{
  requested?: string;
  recent: readonly string[];
  fallback: Readonly<{ dir: string; seedDir?: string }>;
}>;

/** What a switch did: opened another workspace, kept the one open (the same folder), or nothing (the shell is closed). */
export type SwitchOutcome = Readonly<{ kind: 'switched' }> | Readonly<{ kind: 'unchanged' }> | Readonly<{ kind: 'closed' }>;

/** What a second launch led to; main.ts brings the window to the front in every case but 'closed'. */
export type SecondInstanceOutcome =
  | SwitchOutcome
  | Readonly<{ kind: 'focus' }>
  | Readonly<{ kind: 'invalid'; message: string }>
  | Readonly<{ kind: 'failed'; dir: string; message: string }>;

export type DesktopShellOptions = Readonly<{
  open?: OpenWorkspace;
  /** process.defaultApp: Electron was started as `electron <app dir>`, for reading a second launch's argv. */
  hasAppPath?: boolean;
}>;

/** A readable message for anything thrown. */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** True when `dir` names the folder at `path` (after symlinks, `..` and a trailing slash). */
async function isSameFolder(dir: string, path: string): Promise<boolean> {
  const [a, b] = await Promise.all([realpath(resolve(dir)).catch(() => null), realpath(path).catch(() => path)]);
  return a === b;
}

/** Starts watching for changes by other programs; a workspace that cannot be watched is still usable. */
function watchOrWarn(workspace: Workspace): void {
  try {
    workspace.watch();
  } catch (err) {
    console.error(`Claimdesk cannot watch ${workspace.path} for changes by other programs: ${messageOf(err)}`);
  }
}

/** The workspace the desktop shell has open, and the ways it changes. */
export class DesktopShell {
  private readonly open: OpenWorkspace;
  private readonly hasAppPath: boolean;
  private state: 'new' | 'open' | 'closed' = 'new';
  private session_: WorkspaceSession | null = null;
  /** The last operation queued; each waits for the one before (failures included). */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly launched: Promise<void>;
  private markLaunched: () => void = () => undefined;
  private closing: Promise<void> | null = null;
  private isClosed_ = false;
  /** The analyst (Preferences' author): an older workspace's unsigned annotations go to their layer when it is migrated. */
  annotator: string | undefined = undefined;

  constructor(options: DesktopShellOptions = {}) {
    this.open = options.open ?? ((dir, openOptions) => Workspace.open(dir, { ...openOptions, annotator: this.annotator }));
    this.hasAppPath = options.hasAppPath ?? false;
    this.launched = new Promise((done) => (this.markLaunched = done));
  }

  /**
   * The session the service API reads the current workspace from.
   * @throws RangeError before launch() has opened a workspace
   */
  get session(): WorkspaceSession {
    if (!this.session_) throw new RangeError('the desktop shell has no workspace before launch() opens one');
    return this.session_;
  }

  /** True once quit() has closed the workspace: the app may end. */
  get isClosed(): boolean {
    return this.isClosed_;
  }

  /**
   * Opens and watches the launch workspace (see LaunchPlan); a recent workspace that cannot be
   * opened is skipped with a message on stderr. Call once.
   * @returns the workspace, or null when quit() came first (nothing is opened then)
   * @throws ApiError when the requested or fallback workspace cannot be opened
   */
  launch(plan: LaunchPlan): Promise<Workspace | null> {
    return this.serial(async () => {
      try {
        if (this.state === 'closed') return null;
        if (this.state !== 'new') throw new RangeError('launch() is called once');
        const workspace = await this.openAtLaunch(plan);
        watchOrWarn(workspace);
        this.session_ = { current: workspace };
        this.state = 'open';
        return workspace;
      } finally {
        this.markLaunched();
      }
    });
  }

  private async openAtLaunch(plan: LaunchPlan): Promise<Workspace> {
    if (plan.requested !== undefined) return this.open(plan.requested);
    const recent = plan.recent[0];
    if (recent !== undefined && existsSync(recent)) {
      try {
        return await this.open(recent);
      } catch (err) {
        console.error(`Claimdesk could not reopen ${recent} (${messageOf(err)}); opening the default workspace instead`);
      }
    }
    const { dir, seedDir } = plan.fallback;
    return this.open(dir, seedDir === undefined ? {} : { seedDir });
  }

  /**
   * Makes `dir` the open workspace (watched) and closes the one before. The folder already
   * open is kept as it is, unless it is read-only here: then it is opened again, which takes
   * the lock if its holder has let go.
   * @returns what happened (see SwitchOutcome)
   * @throws ApiError when `dir` cannot be opened (the open workspace stays)
   */
  switchTo(dir: string): Promise<SwitchOutcome> {
    return this.serial(() => this.switchNow(dir));
  }

  private async switchNow(dir: string): Promise<SwitchOutcome> {
    if (this.state !== 'open') return { kind: 'closed' };
    const previous = this.session.current;
    if (previous.readOnlyReason() === null && (await isSameFolder(dir, previous.path))) return { kind: 'unchanged' };
    const workspace = await this.open(dir);
    watchOrWarn(workspace);
    this.session.current = workspace;
    await previous.close();
    return { kind: 'switched' };
  }

  /**
   * Handles a second launch (Electron's second-instance event): opens the `--workspace` it
   * names, resolved against its own working directory. Waits for the launch workspace first.
   * @param additionalData the event's additionalData (see launchData; anything else is ignored)
   * @param argv the event's argv, read when additionalData is not ours
   * @param workingDirectory the event's working directory, likewise
   * @returns what happened; failures are outcomes, never thrown
   */
  async secondInstance(additionalData: unknown, argv: readonly string[], workingDirectory: string): Promise<SecondInstanceOutcome> {
    const request = secondLaunchRequest(additionalData, argv, workingDirectory, this.hasAppPath);
    await this.launched;
    return this.serial(async (): Promise<SecondInstanceOutcome> => {
      if (this.state !== 'open') return { kind: 'closed' };
      switch (request.kind) {
        case 'focus':
        case 'invalid':
          return request;
        case 'open':
          try {
            return await this.switchNow(request.dir);
          } catch (err) {
            return { kind: 'failed', dir: request.dir, message: messageOf(err) };
          }
        default:
          return assertNever(request);
      }
    });
  }

  /**
   * Closes the open workspace (watchers stopped, lock released) after any operation under way.
   * Safe to call again: later calls wait for the same close. A failing close is logged, and the
   * shell counts as closed anyway, so the app can still end.
   */
  quit(): Promise<void> {
    this.closing ??= this.serial(async () => {
      this.state = 'closed';
      try {
        await this.session_?.current.close();
      } catch (err) {
        console.error('Claimdesk could not close the workspace cleanly:', err);
      } finally {
        this.isClosed_ = true;
      }
    });
    return this.closing;
  }

  /** Runs `task` after every operation queued before it. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined); // the caller gets the failure; the queue moves on
    return run;
  }
}

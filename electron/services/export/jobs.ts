/**
 * Exports started from the app: destinations, previews and background jobs over the export core
 * (export/export.ts), which does all the counting, splitting and atomic writing. This module only
 * adds what an interactive caller needs on top of it:
 *
 * - destinations come from the shell (a native dialog in Electron, a fresh name under
 *   `<workspace>/exports` in the browser host) and are remembered; a job may only write to a
 *   destination handed out for its format and layout, so the renderer can never make the service
 *   write an arbitrary path;
 * - a preview is the export's own dry run, stopped before anything is written;
 * - a job runs in this process with an AbortController, counts progress per document the core
 *   goes through, and is polled; cancelling waits until the core has removed its temporary output.
 *
 * Plain Node: never imports 'electron'.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { ApiError, type ApiErrorCode, type ExportDestination, type ExportJob, type ExportJobState, type ExportRequest } from '../../../shared/api';
import type { ExportFormat } from '../../../shared/formats/serializer';
import { FORMAT_SPECS } from '../../../shared/formats/format-specs';
import type { ExportReport } from '../../../shared/formats/report';
import { isRowInScope, type ExportScope } from '../../../shared/formats/scope';
import { exportDocuments, type ExportOptions, type SplitOptions } from './export';
import type { Workspace } from '../workspace';

/** Whether an export writes one file or a folder of files. */
export type ExportKind = 'file' | 'folder';

/** What a shell (Electron's main, the browser host) provides to exports: letting the user choose where one goes. */
export type ExportShell = Readonly<{
  /**
   * Asks where to write an export.
   * @param defaultName the suggested name (`<yyyymmdd-hhmmss>-<format>[.ext]`)
   * @param kind whether the export is one file or a folder of files
   * @returns an absolute path, or null when the user cancelled
   */
  chooseExportDestination(format: ExportFormat, defaultName: string, kind: ExportKind): Promise<string | null>;
}>;

/** The folder inside a workspace where the browser host puts exports. */
export const EXPORTS_DIR = 'exports';
/** Finished jobs kept for polling; older ones are forgotten. */
const KEPT_JOBS = 20;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The layout an export will have on disk: a split always writes a folder.
 * @returns 'folder' for multi-file formats and split exports, else 'file'
 */
export function exportKind(format: ExportFormat, isSplit: boolean): ExportKind {
  return isSplit || FORMAT_SPECS[format].layout === 'folder' ? 'folder' : 'file';
}

/**
 * The suggested name of an export: `<yyyymmdd-hhmmss>-<format>`, plus the format's extension for a single file.
 * @param now the time to stamp (local time, as the user reads it)
 */
export function defaultExportName(format: ExportFormat, kind: ExportKind, now: Date): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const extension = kind === 'file' ? (FORMAT_SPECS[format].extension ?? '') : '';
  return `${stamp}-${format}${extension}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/**
 * The browser host's shell: a browser cannot choose a path on disk, so every export goes to a
 * fresh name under `<workspace>/exports` (`-2`, `-3` ... are added when the name is taken).
 * Nothing is created until the export is written.
 * @param workspacePath the open workspace's folder
 */
export function browserShell(workspacePath: string): ExportShell {
  const given = new Set<string>();
  return {
    async chooseExportDestination(_format, defaultName) {
      const extension = extname(defaultName);
      const stem = defaultName.slice(0, defaultName.length - extension.length);
      for (let n = 1; ; n++) {
        const path = join(workspacePath, EXPORTS_DIR, n === 1 ? defaultName : `${stem}-${n}${extension}`);
        if (!given.has(path) && !(await exists(path))) {
          given.add(path);
          return path;
        }
      }
    },
  };
}

/** The export core's scope for a request. */
function scopeOf(request: ExportRequest): ExportScope {
  return {
    documentIds: request.docIds ?? null,
    status: request.status ?? null,
    labels: request.labels ?? null,
    relationTypes: request.relationTypes ?? null,
    layer: request.layer ?? 'default',
  };
}

/** The export core's split options for a request. */
function splitOf(request: ExportRequest): SplitOptions | null {
  const s = request.split;
  return s ? { ratios: [s.train, s.dev, s.test], seed: s.seed, stratify: s.stratify } : null;
}

/** Thrown by the preview's onPlan to stop the export before it writes anything. */
class PlanReady extends Error {
  constructor(readonly report: ExportReport) {
    super('export plan ready');
  }
}

type Job = {
  id: string;
  destination: string;
  state: ExportJobState;
  done: number;
  total: number;
  plan?: ExportReport;
  report?: ExportReport;
  files?: readonly string[];
  error?: { code: ApiErrorCode; message: string };
  controller: AbortController;
  settled: Promise<void>;
};

/** A destination handed out, and what it was chosen for. */
type Handed = Readonly<{ format: ExportFormat; kind: ExportKind }>;

/**
 * Destinations, previews and export jobs of one service API.
 */
export class ExportJobs {
  private readonly handed = new Map<string, Handed>();
  private readonly jobs = new Map<string, Job>();
  private preview: AbortController | null = null;

  /**
   * @param workspace the open workspace (read when a call starts; a job keeps the one it started on)
   * @param shell the shell that lets the user choose destinations
   * @param now the clock for default names
   * @param onInternal reports an unexpected error of a job (it fails with INTERNAL)
   */
  constructor(
    private readonly workspace: () => Workspace,
    private readonly shell: ExportShell,
    private readonly now: () => Date = () => new Date(),
    private readonly onInternal: (err: unknown) => void = (err) => console.error('Claimdesk export failed:', err),
  ) {}

  /**
   * Asks the shell for a destination and remembers it for the format and layout.
   * @returns the destination and whether something is there already, or null when cancelled
   */
  async chooseDestination(format: ExportFormat, isSplit: boolean): Promise<ExportDestination | null> {
    const kind = exportKind(format, isSplit);
    const chosen = await this.shell.chooseExportDestination(format, defaultExportName(format, kind, this.now()), kind);
    if (chosen === null) return null;
    const destination = resolve(chosen);
    this.handed.set(destination, { format, kind });
    return { destination, exists: await exists(destination) };
  }

  /**
   * The report before writing: the export's dry run, stopped before it creates any output. A newer
   * preview stops an older one that is still reading.
   * @throws ApiError NOT_FOUND (a document id), CONFLICT (a newer preview replaced this one)
   */
  async previewExport(request: ExportRequest): Promise<ExportReport> {
    this.preview?.abort(new ApiError('CONFLICT', 'a newer export preview replaced this one'));
    const controller = new AbortController();
    this.preview = controller;
    const workspace = this.workspace();
    try {
      // `out` is never touched: the core calls onPlan before it prepares any output.
      await exportDocuments(workspace, this.optionsOf(request, join(workspace.path, EXPORTS_DIR, '.preview')), {
        signal: controller.signal,
        onPlan: (before) => {
          throw new PlanReady(before);
        },
      });
      throw new Error('the export wrote output in a preview');
    } catch (err) {
      if (err instanceof PlanReady) return err.report;
      throw err;
    } finally {
      if (this.preview === controller) this.preview = null;
    }
  }

  /**
   * Starts an export job to a destination handed out by chooseDestination.
   * @returns the job's id
   * @throws ApiError INVALID_INPUT (destination not handed out, or for another format or layout), CONFLICT (a job is writing there)
   */
  startExport(request: ExportRequest & { destination: string }): { jobId: string } {
    const destination = resolve(request.destination);
    const handed = this.handed.get(destination);
    if (!handed) throw new ApiError('INVALID_INPUT', 'choose where to export with chooseExportDestination first; other destinations are refused');
    const kind = exportKind(request.format, request.split !== undefined);
    if (handed.format !== request.format || handed.kind !== kind)
      throw new ApiError(
        'INVALID_INPUT',
        `that destination was chosen for a ${handed.format} ${handed.kind}, and this export writes a ${request.format} ${kind}; choose the destination again`,
      );
    if ([...this.jobs.values()].some((j) => j.state === 'running' && j.destination === destination))
      throw new ApiError('CONFLICT', `an export to ${destination} is already running`);

    const workspace = this.workspace();
    const scope = scopeOf(request);
    const job: Job = {
      id: randomBytes(12).toString('hex'),
      destination,
      state: 'running',
      done: 0,
      // Until the plan is known: every document in scope, read once to plan and once to write.
      total: 2 * workspace.listDocuments('').filter((row) => isRowInScope(row, scope)).length,
      controller: new AbortController(),
      settled: Promise.resolve(),
    };
    job.settled = exportDocuments(workspace, this.optionsOf(request, destination), {
      signal: job.controller.signal,
      onDocument: () => (job.done += 1),
      onPlan: (before) => {
        job.plan = before;
        // The core reads each planned document once more while writing (none were read for a plan from the index).
        job.total = job.done + before.documents;
      },
    }).then(
      (result) => {
        job.state = 'done';
        job.report = result.after;
        job.files = result.paths;
      },
      (err: unknown) => {
        if (job.controller.signal.aborted) job.state = 'cancelled';
        else {
          job.state = 'failed';
          if (!(err instanceof ApiError)) this.onInternal(err);
          job.error =
            err instanceof ApiError
              ? { code: err.code, message: err.message }
              : { code: 'INTERNAL', message: 'an internal error occurred; see the application log' };
        }
      },
    );
    this.jobs.set(job.id, job);
    this.forgetOldJobs();
    return { jobId: job.id };
  }

  /**
   * A job's progress and outcome.
   * @throws ApiError NOT_FOUND
   */
  getExportJob(jobId: string): ExportJob {
    return snapshot(this.jobOf(jobId));
  }

  /**
   * Cancels a running job and waits until its temporary output is removed; a finished job is left as it is.
   * @returns the job afterwards
   * @throws ApiError NOT_FOUND
   */
  async cancelExport(jobId: string): Promise<ExportJob> {
    const job = this.jobOf(jobId);
    if (job.state === 'running') job.controller.abort(new ApiError('CONFLICT', 'the export was cancelled'));
    await job.settled;
    return snapshot(job);
  }

  private jobOf(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', `no export job ${jobId}`);
    return job;
  }

  private optionsOf(request: ExportRequest, out: string): ExportOptions {
    return {
      format: request.format,
      out,
      scope: scopeOf(request),
      split: splitOf(request),
      force: request.overwrite === true,
      ...(request.bom === undefined ? {} : { bom: request.bom }),
    };
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) this.jobs.delete(job.id);
  }
}

/** A job as the API returns it: plain data. */
function snapshot(job: Job): ExportJob {
  return {
    jobId: job.id,
    state: job.state,
    progress: { done: Math.min(job.done, job.total), total: job.total },
    ...(job.plan ? { plan: job.plan } : {}),
    ...(job.report ? { report: job.report } : {}),
    ...(job.files ? { files: job.files } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}

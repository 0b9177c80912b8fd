/**
 * The one API contract between the renderer and the services: method names, argument and
 * result types, and the error envelope. Both transports (Electron IPC and the browser host's
 * HTTP) are generated from API_METHODS; the services check every argument with the
 * validators in shared/api-validate.ts. Adding an operation is one entry here, its validator
 * there, and one service function.
 */
import type { AgreementReport } from './agreement';
import type { ExportFormat } from './formats/serializer';
import type { ExportReport } from './formats/report';
import type { Operation } from './model/operations';
import type { SchemaMigration } from './model/schema-rules';
import type { DocId, DocumentData, DocumentRow, FieldConflict, IndexRow, Schema } from './model/types';
import type { SuggestionSet } from './suggest/types';

/** Facts about the open workspace; `revision` grows with every change, so clients can poll cheaply. */
export type WorkspaceInfo = Readonly<{
  path: string;
  name: string;
  revision: number;
  documentCount: number;
  schema: Schema;
  /** Why the workspace cannot be edited here (another Claimdesk holds it), or null. */
  readOnlyReason: string | null;
  /**
   * Documents another program changed on disk while the workspace was open, with the revision at
   * which it was noticed: 'changed' (the new version was loaded) or 'restored' (its file was
   * deleted, and Claimdesk wrote the open copy back).
   */
  externalChanges: readonly Readonly<{ docId: DocId; revision: number; kind: 'changed' | 'restored'; layer?: string }>[];
  /** The layer this analyst works in: their author name from Preferences. */
  annotator: string;
  /**
   * Why the git repository holding the workspace could not be set up for it (its .gitignore,
   * .gitattributes or merge driver), saying what to do; null when it was, or there is none.
   */
  repositoryProblem: string | null;
  /** Schema fields a git merge found changed differently on two machines (the workspace's value kept): edit the schema to settle them. */
  schemaConflicts: readonly FieldConflict[];
}>;

/** The workspace and every document's row, read at one revision (loadWorkspace). */
export type LoadedWorkspace = Readonly<{ info: WorkspaceInfo; rows: readonly DocumentRow[] }>;

/** What kind of saved change a ChangeEvent reports. */
export type ChangeKind = 'changes' | 'schema' | 'import' | 'restore' | 'delete';

/**
 * One acknowledged write to the workspace, as the change feed publishes it to every browser tab
 * (#12): the browser host streams it (`GET /events`, Server-Sent Events; the desktop app's one
 * window has no other writer to hear). `docId` and `layer` say what changed where known (no layer: any layer of the document, or
 * the analyst's own); `clientId` is the window the write came from, so that window can skip it.
 */
export type ChangeEvent = Readonly<{ revision: number; kind: ChangeKind; docId?: DocId; layer?: string; clientId?: string }>;

/** The request header a browser window names itself with (its client id), so its own changes come back marked as its own. */
export const CLIENT_ID_HEADER = 'x-claimdesk-client';

/** The path of the browser host's change feed (its event stream, Server-Sent Events). */
export const EVENTS_PATH = '/events';

/** A client id a window may send: 1–64 letters, digits and dashes (anything else is ignored). */
export const isClientId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value);

/** Where a git sync of the workspace is: idle (none yet), running (with its step), done or failed (with what to do). */
export type SyncStatus = Readonly<{
  state: 'idle' | 'running' | 'done' | 'failed';
  step: 'checking' | 'committing' | 'fetching' | 'merging' | 'pushing' | 'done' | null;
  /** The step under way, the outcome, or (failed) what went wrong and what to do. */
  message: string;
  /** Documents whose files the sync brought or changed (done). */
  changedDocuments?: number;
  /** Annotations or fields with a merge conflict to settle (done). */
  conflicts?: number;
  finishedAt?: string;
}>;

/** Which documents, annotators and labels an agreement report covers (absent: all). */
export type AgreementRequest = Readonly<{ docIds?: readonly DocId[]; annotators?: readonly string[]; labels?: readonly string[] }>;

/** Which candidates curation accepts by itself: those all annotators agree on, those a majority agrees on, or none. */
export type CurationPolicy = 'all' | 'majority' | 'none';

/** A file handed over by the renderer (picker or drag-and-drop): its name and bytes in base64. */
export type UploadedFile = Readonly<{ name: string; data: string }>;

/** What an import did with each file; every input appears in exactly one list. */
export type ImportReport = Readonly<{
  imported: readonly Readonly<{ name: string; row: IndexRow; warnings: readonly string[] }>[];
  duplicates: readonly Readonly<{ name: string; existing: IndexRow }>[];
  failed: readonly Readonly<{ name: string; reason: string }>[];
}>;

/** The acknowledgement of saved operations: the document's updated index row. */
export type Ack = Readonly<{ row: DocumentRow }>;

/** An earlier saved version of a document. */
export type BackupEntry = Readonly<{ id: string; savedAt: string; size: number }>;

/**
 * Per-user preferences (kept outside any workspace). `suggestOnImport` (absent = false): suggestions
 * are turned on for documents as they are imported (#15); updatePreferences without it keeps the saved value.
 */
export type Preferences = Readonly<{ author: string; suggestOnImport?: boolean }>;

/** One document's suggestions for one layer (#15). */
export type SuggestionsReply = Readonly<{
  /** False until suggestions are turned on for this document (at import when the preference says so, or by asking: compute). */
  enabled: boolean;
  /** The engine's proposals fitted to the workspace schema (fitToSchema); NOT filtered by the layer's annotations: the caller runs visibleSuggestions with its live annotations. Empty when not enabled. */
  set: SuggestionSet;
  /** The keys this layer's analyst rejected (none once the document's text changed since they were made: a reimport). */
  rejected: readonly string[];
  /**
   * Why the document's suggestions file cannot be used (it does not parse, has another shape, or
   * comes from a newer Claimdesk) and what to do: move it away (its rejections are then forgotten)
   * or restore it. Meanwhile nothing counts as rejected, suggestions are not remembered as turned
   * on, and rejecting is refused (CONFLICT), so the file is never overwritten. Absent when the file is fine or missing.
   */
  problem?: string;
}>;

/** Train/dev/test ratios (need not sum to 100; a zero ratio means no such split), a seed, and whether to stratify by claims. */
export type ExportSplitRequest = Readonly<{ train: number; dev: number; test: number; seed: number; stratify: boolean }>;

/** What to export: a format and a scope. Absent fields mean "all". */
export type ExportRequest = Readonly<{
  format: ExportFormat;
  /**
   * Which layer of each document: 'default' (absent: the curated layer, else the only
   * annotator's), 'curated', 'all' (each annotator's as its own record), or an annotator's name.
   */
  layer?: string;
  /** The documents to export; absent = the whole workspace. */
  docIds?: readonly DocId[];
  /** Only documents with this status. */
  status?: 'done';
  /** Only spans of these labels (relations need both ends kept). */
  labels?: readonly string[];
  /** Only relations of these types. */
  relationTypes?: readonly string[];
  /** Split by document into train/dev/test; the output is then a folder. */
  split?: ExportSplitRequest;
  /** Replace an existing output at the destination. */
  overwrite?: boolean;
  /** Claims CSV/TSV only: start the file with a UTF-8 byte-order mark (for Excel); absent = yes (BOM_BY_DEFAULT). */
  bom?: boolean;
}>;

/** Which claims listClaims lists: every document's (or those of `docIds`) in one layer (default: the analyst's own). */
export type ClaimsRequest = Readonly<{ docIds?: readonly DocId[]; layer?: string }>;

/**
 * One claim of the workspace claims table (#12): its document, id, offsets in code points (as the
 * exports count them) and the per-document table's cells (claimColumns of the schema: claim text,
 * attributes with '' for unset, sources, cue).
 */
export type WorkspaceClaimRow = Readonly<{
  docId: DocId;
  title: string;
  claimId: string;
  startCp: number;
  endCp: number;
  cells: readonly string[];
  /** True when the claim needs a source and has none linked (see isUnsourcedClaim). */
  isUnsourced: boolean;
}>;

/** The claims of one layer across documents, in document (import) then text order; documents that could not be read are named with why. */
export type ClaimList = Readonly<{
  layer: string;
  rows: readonly WorkspaceClaimRow[];
  problems: readonly Readonly<{ docId: DocId; title: string; message: string }>[];
}>;

/** A destination the shell let the user choose, and whether something is already there. */
export type ExportDestination = Readonly<{ destination: string; exists: boolean }>;

/** Where an export job is. */
export type ExportJobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A running or finished export. */
export type ExportJob = Readonly<{
  jobId: string;
  state: ExportJobState;
  /** Documents read so far, of the reads the export needs (a dry run, then the writing pass). */
  progress: Readonly<{ done: number; total: number }>;
  /** The report before writing, once the dry run is over. */
  plan?: ExportReport;
  /** The report after writing (state done). */
  report?: ExportReport;
  /** Absolute paths of the files written (state done). */
  files?: readonly string[];
  /** Why it failed (state failed). */
  error?: Readonly<{ code: ApiErrorCode; message: string }>;
}>;

export interface ClaimdeskApi {
  /** The open workspace. */
  getWorkspace(): Promise<WorkspaceInfo>;
  /** Every document's index row, in import order. */
  listDocuments(): Promise<readonly DocumentRow[]>;
  /**
   * getWorkspace and listDocuments in one answer, both read at the same revision: the window's
   * first load, one round trip instead of two (#14), with a list never older than the revision it is told.
   */
  loadWorkspace(): Promise<LoadedWorkspace>;
  /** One document seen through one layer (default: the analyst's own). @throws NOT_FOUND, IO when a file cannot be read. */
  getDocument(arg: { docId: DocId; layer?: string }): Promise<DocumentData>;
  /**
   * Reads documents into the service's memory ahead of their opening (long ones, which the window
   * does not load itself, #14), so that opening one later does not wait for its files. Answers once
   * they are read; one that cannot be read is left out (opening it says why).
   */
  readAhead(arg: { docIds: readonly DocId[]; layer?: string }): Promise<void>;
  /** Imports uploaded files; bad files are reported in the result, never thrown. */
  importFiles(arg: { files: readonly UploadedFile[] }): Promise<ImportReport>;
  /**
   * Applies and saves operations on one document, all or nothing. Operations are idempotent,
   * so a retry after a lost acknowledgement is safe.
   * @throws NOT_FOUND, INVALID_INPUT (an operation does not fit the text or the schema), IO
   */
  applyChanges(arg: { docId: DocId; ops: readonly Operation[]; layer?: string }): Promise<Ack>;
  /**
   * Replaces the workspace's tag schema and carries renamed and removed labels over to every
   * document that uses them (annotations of removed labels are deleted with their links).
   * @returns the new workspace info
   */
  updateSchema(arg: { schema: Schema } & SchemaMigration): Promise<WorkspaceInfo>;
  /** Earlier saved versions of a document, newest first. @throws NOT_FOUND */
  listBackups(arg: { docId: DocId; layer?: string }): Promise<readonly BackupEntry[]>;
  /** Brings back an earlier version of a layer (the current one becomes a backup). @throws NOT_FOUND */
  restoreBackup(arg: { docId: DocId; backupId: string; layer?: string }): Promise<DocumentRow>;
  /**
   * Re-imports a text document's source (chosen again by the analyst: it must be the file imported,
   * by SHA-256) decoded as `encoding`; the article is replaced. @throws NOT_FOUND, INVALID_INPUT
   * (another file, an unknown encoding, a docx/pdf), CONFLICT (the text under annotations would change)
   */
  reimportDocument(arg: { docId: DocId; encoding: string; file: UploadedFile }): Promise<DocumentRow>;
  /** Moves a document to the workspace's trash. @throws NOT_FOUND, CONFLICT (read-only) */
  deleteDocument(arg: { docId: DocId }): Promise<void>;
  /** Documents in the trash. */
  listTrash(): Promise<readonly DocumentRow[]>;
  /** Moves a document back from the trash. @throws NOT_FOUND, CONFLICT */
  restoreDocument(arg: { docId: DocId }): Promise<DocumentRow>;
  /** The user's preferences (author name, defaulting to the OS user name). */
  getPreferences(): Promise<Preferences>;
  /** Saves preferences. */
  updatePreferences(arg: Preferences): Promise<Preferences>;
  /**
   * Lets the user choose where an export goes (Electron: a native save or folder dialog; the
   * browser host: a fresh name under the workspace's exports folder). Only destinations handed
   * out here are accepted by startExport, for the same format and layout.
   * @param arg.split true when the export will be split (always a folder then)
   * @returns the destination, or null when the user cancelled
   */
  chooseExportDestination(arg: { format: ExportFormat; split?: boolean }): Promise<ExportDestination | null>;
  /** The report an export would give (counts and spans the format cannot express), without writing anything. @throws NOT_FOUND (a document id) */
  previewExport(arg: ExportRequest): Promise<ExportReport>;
  /**
   * Starts an export in the background; poll getExportJob for progress and the report.
   * @throws INVALID_INPUT (a destination not chosen through chooseExportDestination for this format and layout), CONFLICT (an export to it is running)
   */
  startExport(arg: ExportRequest & { destination: string }): Promise<{ jobId: string }>;
  /**
   * Starts a git sync of the workspace (commit, fetch, merge, push; see services/sync) unless one
   * is running; poll getSyncStatus for its progress.
   */
  startSync(): Promise<SyncStatus>;
  /** The running or last sync. */
  getSyncStatus(): Promise<SyncStatus>;
  /**
   * Agreement between annotators' layers (see shared/agreement), over the whole workspace or the
   * given documents, annotators and labels.
   */
  getAgreement(arg: AgreementRequest): Promise<AgreementReport>;
  /**
   * Opens a document for curation: makes its curated layer when there is none, with every span
   * the annotators agree on (by `policy`: all of them, a majority, or none) already accepted.
   * @returns the document's row and how many spans were accepted now
   */
  startCuration(arg: { docId: DocId; policy: CurationPolicy }): Promise<{ row: DocumentRow; accepted: number }>;
  /**
   * The claims of one layer (default: the analyst's own) across the workspace or the given
   * documents, one row per claim; a document whose layer cannot be read is listed in `problems`.
   * @throws NOT_FOUND (a document id)
   */
  listClaims(arg: ClaimsRequest): Promise<ClaimList>;
  /**
   * One document's suggestions for one layer (default: the analyst's own), and the keys rejected there.
   * `compute: true` turns suggestions on for the document (remembered in .suggestions/, outside git) and computes them.
   * @throws NOT_FOUND, INVALID_INPUT (a layer name), IO (the document cannot be read)
   */
  getSuggestions(arg: { docId: DocId; layer?: string; compute?: boolean }): Promise<SuggestionsReply>;
  /**
   * Remembers suggestions of one document as rejected in one layer (default: the analyst's own);
   * `undo: true` takes the rejections back. Idempotent. @returns the reply getSuggestions gives now
   * @throws NOT_FOUND, CONFLICT (another annotator's layer, or the document's suggestions file is damaged), IO
   */
  rejectSuggestions(arg: { docId: DocId; layer?: string; keys: readonly string[]; undo?: boolean }): Promise<SuggestionsReply>;
  /** Progress and outcome of an export. @throws NOT_FOUND */
  getExportJob(arg: { jobId: string }): Promise<ExportJob>;
  /** Cancels a running export and waits until nothing of it is left at the destination; a finished one is left as it is. @throws NOT_FOUND */
  cancelExport(arg: { jobId: string }): Promise<ExportJob>;
}

export type ApiMethod = keyof ClaimdeskApi;
export type ApiArg<M extends ApiMethod> = Parameters<ClaimdeskApi[M]>[0];

export type ApiErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'IO' | 'TOO_LARGE' | 'INTERNAL';
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

/** An expected failure with a code the UI can act on and a message a user can read. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One imported file must have fewer bytes than this (50 MB); a file this large or larger is refused with a message. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The article file extensions Claimdesk imports (lowercase, with the dot): the importers', the pickers' and the hints' one list. */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'];

/**
 * Every method name, in one list, from which both transports are built (shared/api-validate.ts
 * has a validator for each, checked by the compiler and by the API contract test).
 */
export const API_METHODS = [
  'getWorkspace',
  'listDocuments',
  'loadWorkspace',
  'getDocument',
  'readAhead',
  'importFiles',
  'applyChanges',
  'updateSchema',
  'listBackups',
  'restoreBackup',
  'reimportDocument',
  'deleteDocument',
  'listTrash',
  'restoreDocument',
  'getPreferences',
  'updatePreferences',
  'chooseExportDestination',
  'previewExport',
  'startExport',
  'getExportJob',
  'cancelExport',
  'startSync',
  'getSyncStatus',
  'getAgreement',
  'startCuration',
  'listClaims',
  'getSuggestions',
  'rejectSuggestions',
] as const satisfies readonly ApiMethod[];

/** Wraps a value as a success envelope. */
export const success = <T>(value: T): Envelope<T> => ({ ok: true, value });
/** Builds a failure envelope. */
export const failure = (code: ApiErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

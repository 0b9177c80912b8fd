/**
 * The one API contract between the renderer and the services: method names, argument and
 * result types, runtime validators for every argument, and the error envelope. Both
 * transports (Electron IPC and the browser host's HTTP) are generated from API_METHODS;
 * adding an operation is one entry here plus one service function.
 */
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat } from './export/format';
import type { ExportReport } from './export/report';
import type { Operation } from './model/operations';
import type { SchemaMigration } from './model/schema-rules';
import type { DocId, DocStatus, DocumentData, DocumentRow, Schema } from './model/types';

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
  externalChanges: readonly Readonly<{ docId: DocId; revision: number; kind: 'changed' | 'restored' }>[];
}>;

/** A file handed over by the renderer (picker or drag-and-drop): its name and bytes in base64. */
export type UploadedFile = Readonly<{ name: string; data: string }>;

/** What an import did with each file; every input appears in exactly one list. */
export type ImportReport = Readonly<{
  imported: readonly Readonly<{ name: string; row: DocumentRow; warnings: readonly string[] }>[];
  duplicates: readonly Readonly<{ name: string; existing: DocumentRow }>[];
  failed: readonly Readonly<{ name: string; reason: string }>[];
}>;

/** The acknowledgement of saved operations: the document's updated index row. */
export type Ack = Readonly<{ row: DocumentRow }>;

/** An earlier saved version of a document. */
export type BackupEntry = Readonly<{ id: string; savedAt: string; size: number }>;

/** Per-user preferences (kept outside any workspace). */
export type Preferences = Readonly<{ author: string }>;

/** Train/dev/test ratios (need not sum to 100; a zero ratio means no such split), a seed, and whether to stratify by claims. */
export type ExportSplitRequest = Readonly<{ train: number; dev: number; test: number; seed: number; stratify: boolean }>;

/** What to export: a format and a scope. Absent fields mean "all". */
export type ExportRequest = Readonly<{
  format: ExportFormat;
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
  /** One whole document. @throws NOT_FOUND, IO when its file cannot be read. */
  getDocument(arg: { docId: DocId }): Promise<DocumentData>;
  /** Imports uploaded files; bad files are reported in the result, never thrown. */
  importFiles(arg: { files: readonly UploadedFile[] }): Promise<ImportReport>;
  /** Renames a document or sets its status. @throws NOT_FOUND */
  updateDocument(arg: { docId: DocId; title?: string; status?: DocStatus }): Promise<DocumentRow>;
  /**
   * Applies and saves operations on one document, all or nothing. Operations are idempotent,
   * so a retry after a lost acknowledgement is safe.
   * @throws NOT_FOUND, INVALID_INPUT (an operation does not fit the text or the schema), IO
   */
  applyChanges(arg: { docId: DocId; ops: readonly Operation[] }): Promise<Ack>;
  /**
   * Replaces the workspace's tag schema and carries renamed and removed labels over to every
   * document that uses them (annotations of removed labels are deleted with their links).
   * @returns the new workspace info
   */
  updateSchema(arg: { schema: Schema } & SchemaMigration): Promise<WorkspaceInfo>;
  /** Earlier saved versions of a document, newest first. @throws NOT_FOUND */
  listBackups(arg: { docId: DocId }): Promise<readonly BackupEntry[]>;
  /** Brings back an earlier version (the current one becomes a backup). @throws NOT_FOUND */
  restoreBackup(arg: { docId: DocId; backupId: string }): Promise<DocumentRow>;
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
  /** Progress and outcome of an export. @throws NOT_FOUND */
  getExportJob(arg: { jobId: string }): Promise<ExportJob>;
  /** Cancels a running export and waits until nothing of it is left at the destination; a finished one is left as it is. @throws NOT_FOUND */
  cancelExport(arg: { jobId: string }): Promise<ExportJob>;
}

export type ApiMethod = keyof ClaimdeskApi;
export type ApiArg<M extends ApiMethod> = Parameters<ClaimdeskApi[M]>[0];
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<ClaimdeskApi[M]>>;

export type ApiErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'IO' | 'TOO_LARGE' | 'INTERNAL';
export type Envelope<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ApiErrorCode; message: string } };

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

const docId = z.string().regex(/^[0-9a-f]{6,64}$/, 'a document id is lowercase hex');
const noArg = z.union([z.undefined(), z.null(), z.object({}).strict()]).transform(() => undefined);

const id = z.string().min(1).max(100);
const isoTime = z.string().min(1).max(40);
const shortText = z.string().max(10_000);
const attributeValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(1000)).max(100), z.null()]);
const attributes = z.record(z.string().min(1).max(100), attributeValue);
const offset = z.number().int().nonnegative();
const annotation = z
  .object({
    id,
    label: z.string().min(1).max(100),
    start: offset,
    end: offset,
    quote: z.string().max(MAX_IMPORT_BYTES),
    attributes,
    note: shortText.optional(),
    author: z.string().max(200),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();
const relation = z.object({ id, type: z.string().min(1).max(100), from: id, to: id, author: z.string().max(200), createdAt: isoTime }).strict();
const annotationPatch = annotation.pick({ label: true, start: true, end: true, quote: true, attributes: true, note: true, updatedAt: true }).partial().strict();
const docStatus = z.enum(['new', 'in_progress', 'done']);
const documentPatch = z.object({ title: z.string().trim().min(1).max(1000).optional(), status: docStatus.optional(), attributes: attributes.optional() }).strict();
const operation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('addAnnotation'), annotation }).strict(),
  z.object({ op: z.literal('removeAnnotation'), annotation }).strict(),
  z.object({ op: z.literal('updateAnnotation'), id, before: annotationPatch, after: annotationPatch }).strict(),
  z.object({ op: z.literal('addRelation'), relation }).strict(),
  z.object({ op: z.literal('removeRelation'), relation }).strict(),
  z.object({ op: z.literal('updateDocument'), before: documentPatch, after: documentPatch }).strict(),
]);
const name = z.string().trim().min(1).max(100);
const attributeDef = z
  .object({
    name,
    kind: z.enum(['choice', 'multi', 'boolean', 'number', 'text']),
    values: z.array(z.string().min(1).max(200)).max(200).optional(),
    default: attributeValue.optional(),
  })
  .strict();
const schemaShape = z
  .object({
    labels: z
      .array(z.object({ name, color: z.string().regex(/^#[0-9a-fA-F]{6}$/), hotkey: z.string().max(1), attributes: z.array(attributeDef).max(100) }).strict())
      .max(100),
    relationTypes: z.array(z.object({ name, from: z.array(name).max(100), to: z.array(name).max(100) }).strict()).max(100),
    documentAttributes: z.array(attributeDef).max(100),
  })
  .strict()
  .superRefine((schema, ctx) => {
    const labels = schema.labels.map((l) => l.name);
    if (new Set(labels).size !== labels.length) ctx.addIssue({ code: 'custom', message: 'label names must be unique' });
    const keys = schema.labels.map((l) => l.hotkey).filter((k) => k !== '');
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'hotkeys must be unique' });
    for (const t of schema.relationTypes)
      for (const l of [...t.from, ...t.to])
        if (!labels.includes(l)) ctx.addIssue({ code: 'custom', message: `relation type "${t.name}" names an unknown label "${l}"` });
  });

const labelNames = z.array(name).max(100);
const ratio = z.number().finite().nonnegative().max(1_000_000);
const exportRequest = z
  .object({
    format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]]),
    docIds: z.array(docId).max(1_000_000).optional(),
    status: z.literal('done').optional(),
    labels: labelNames.optional(),
    relationTypes: labelNames.optional(),
    split: z
      .object({ train: ratio, dev: ratio, test: ratio, seed: z.number().int().min(0).max(0xffffffff), stratify: z.boolean() })
      .strict()
      .refine((s) => s.train + s.dev + s.test > 0, 'at least one split ratio must be above 0')
      .optional(),
    overwrite: z.boolean().optional(),
  })
  .strict();
const jobId = z.string().regex(/^[0-9a-f]{16,64}$/, 'not an export job id');

const schemas = {
  getWorkspace: noArg,
  listDocuments: noArg,
  getDocument: z.object({ docId }).strict(),
  importFiles: z
    .object({
      files: z
        .array(
          z.object({ name: z.string().min(1).max(1024), data: z.string().max(Math.ceil(MAX_IMPORT_BYTES * 1.4)) }).strict(),
        )
        .max(10_000),
    })
    .strict(),
  updateDocument: z
    .object({
      docId,
      title: z.string().trim().min(1).max(1000).optional(),
      status: docStatus.optional(),
    })
    .strict(),
  applyChanges: z.object({ docId, ops: z.array(operation).min(1).max(100_000) }).strict(),
  updateSchema: z
    .object({ schema: schemaShape, renamedLabels: z.record(name, name), removedLabels: z.array(name).max(100) })
    .strict(),
  listBackups: z.object({ docId }).strict(),
  restoreBackup: z.object({ docId, backupId: z.string().regex(/^[\w-]{1,200}$/, 'not a backup id') }).strict(),
  deleteDocument: z.object({ docId }).strict(),
  listTrash: noArg,
  restoreDocument: z.object({ docId }).strict(),
  getPreferences: noArg,
  updatePreferences: z.object({ author: z.string().trim().min(1).max(200) }).strict(),
  chooseExportDestination: z.object({ format: exportRequest.shape.format, split: z.boolean().optional() }).strict(),
  previewExport: exportRequest,
  startExport: exportRequest.extend({ destination: z.string().min(1).max(4096) }).strict(),
  getExportJob: z.object({ jobId }).strict(),
  cancelExport: z.object({ jobId }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType };

/** Every method name, in one list, from which both transports are built. */
export const API_METHODS = Object.keys(schemas) as ApiMethod[];

/** True when `name` is one of the contract's methods. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(schemas, name);
}

/**
 * Checks an untrusted argument against the method's validator.
 * @returns the parsed argument
 * @throws ApiError INVALID_INPUT naming the first offending field
 */
export function validateArg<M extends ApiMethod>(method: M, input: unknown): ApiArg<M> {
  const result = schemas[method].safeParse(input);
  if (result.success) return result.data as ApiArg<M>;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new ApiError('INVALID_INPUT', `${method}: ${issue?.message ?? 'invalid argument'}${where}`);
}

/** Wraps a value as a success envelope. */
export const success = <T>(value: T): Envelope<T> => ({ ok: true, value });
/** Builds a failure envelope. */
export const failure = (code: ApiErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/**
 * Runs one API call against an implementation and always answers with an envelope:
 * ApiError keeps its code; anything else is reported via `onInternal` and sent as INTERNAL.
 */
export async function dispatch(
  api: ClaimdeskApi,
  method: string,
  input: unknown,
  onInternal: (err: unknown) => void,
): Promise<Envelope<unknown>> {
  try {
    if (!isApiMethod(method)) throw new ApiError('NOT_FOUND', `unknown API method "${method}"`);
    const arg = validateArg(method, input);
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return success(await call.call(api, arg));
  } catch (err) {
    if (err instanceof ApiError) return failure(err.code, err.message);
    onInternal(err);
    return failure('INTERNAL', 'an internal error occurred; see the application log');
  }
}

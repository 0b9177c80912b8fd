/**
 * The API's argument validators (zod), one per method, and `dispatch`, which the services'
 * transports (Electron IPC, the browser host) answer every call with. Kept apart from the
 * contract (shared/api.ts) so that the renderer, which only sends calls, never loads them.
 */
import { z } from 'zod';
import { ApiError, failure, success, type ApiArg, type ApiMethod, type ClaimdeskApi, type Envelope, MAX_IMPORT_BYTES } from './api';
import { EXPORT_FORMATS, type ExportFormat } from './formats/serializer';
import { DOC_ID_PATTERN, isName, ITEM_ID_PATTERN, MAX_NAME_LENGTH } from './model/keys';
import { isAnnotatorName, isLayerName } from './model/layers';

const docId = z.string().regex(DOC_ID_PATTERN, 'a document id is lowercase hex');
const noArg = z.union([z.undefined(), z.null(), z.object({}).strict()]).transform(() => undefined);

const id = z.string().regex(ITEM_ID_PATTERN, 'an id is 1 to 100 letters, digits or URL characters');
const label = z.string().max(MAX_NAME_LENGTH).refine(isName, 'a label is 1 to 100 characters, not blank, without control characters');
const isoTime = z.string().min(1).max(40);
const shortText = z.string().max(10_000);
const attributeValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(1000)).max(100), z.null()]);
const attributes = z.record(label, attributeValue);
const offset = z.number().int().nonnegative();
const annotation = z
  .object({
    id,
    label,
    start: offset,
    end: offset,
    quote: z.string().max(MAX_IMPORT_BYTES),
    attributes,
    note: shortText.optional(),
    origin: z.string().max(200).optional(),
    author: z.string().max(200),
    createdAt: isoTime,
    updatedAt: isoTime,
    conflicts: z
      .array(z.object({ field: z.string().max(200), values: z.tuple([z.unknown(), z.unknown()]) }).strict())
      .max(100)
      .optional(),
  })
  .strict();
const layer = z.string().max(MAX_NAME_LENGTH).refine(isLayerName, 'a layer is an annotator\'s name or "curated"');
const relation = z.object({ id, type: label, from: id, to: id, author: z.string().max(200), createdAt: isoTime }).strict();
const annotationPatch = annotation
  .pick({ label: true, start: true, end: true, quote: true, attributes: true, note: true, updatedAt: true, conflicts: true })
  .partial()
  .strict();
const docStatus = z.enum(['new', 'in_progress', 'done']);
const documentPatch = z
  .object({
    title: z.string().trim().min(1).max(1000).optional(),
    status: docStatus.optional(),
    attributes: attributes.optional(),
    rejected: z.array(z.string().max(4000)).max(100_000).optional(),
  })
  .strict();
const operation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('addAnnotation'), annotation }).strict(),
  z.object({ op: z.literal('removeAnnotation'), annotation }).strict(),
  z.object({ op: z.literal('updateAnnotation'), id, before: annotationPatch, after: annotationPatch }).strict(),
  z.object({ op: z.literal('addRelation'), relation }).strict(),
  z.object({ op: z.literal('removeRelation'), relation }).strict(),
  z.object({ op: z.literal('updateDocument'), before: documentPatch, after: documentPatch }).strict(),
]);
const name = z.string().trim().min(1).max(MAX_NAME_LENGTH).refine(isName, 'a name may not hold control characters');
const attributeDef = z
  .object({
    name,
    kind: z.enum(['choice', 'multi', 'boolean', 'number', 'text']),
    values: z.array(z.string().min(1).max(200)).max(200).optional(),
    default: attributeValue.optional(),
    required: z.boolean().optional(),
  })
  .strict();
const schemaShape = z
  .object({
    labels: z
      .array(
        z
          .object({ name, color: z.string().regex(/^#[0-9a-fA-F]{6}$/), hotkey: z.string().max(1), attributes: z.array(attributeDef).max(100) })
          .strict(),
      )
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
    bom: z.boolean().optional(),
    layer: z.union([z.literal('default'), z.literal('all'), layer]).optional(),
  })
  .strict();
/** A suggestion's key, `Label:start-end` (shared/suggest/types.ts). */
const suggestionKey = z
  .string()
  .max(MAX_NAME_LENGTH + 40)
  .refine((key) => {
    const parts = /^(.+):\d+-\d+$/s.exec(key);
    return parts !== null && isName(parts[1]);
  }, 'a suggestion key is Label:start-end');
const jobId = z.string().regex(/^[0-9a-f]{16,64}$/, 'not an export job id');

const schemas = {
  getWorkspace: noArg,
  listDocuments: noArg,
  loadWorkspace: noArg,
  getDocument: z.object({ docId, layer: layer.optional() }).strict(),
  readAhead: z.object({ docIds: z.array(docId).max(100), layer: layer.optional() }).strict(),
  importFiles: z
    .object({
      files: z.array(z.object({ name: z.string().min(1).max(1024), data: z.string().max(Math.ceil(MAX_IMPORT_BYTES * 1.4)) }).strict()).max(10_000),
    })
    .strict(),
  applyChanges: z.object({ docId, ops: z.array(operation).min(1).max(100_000), layer: layer.optional() }).strict(),
  updateSchema: z.object({ schema: schemaShape, renamedLabels: z.record(name, name), removedLabels: z.array(name).max(100) }).strict(),
  listBackups: z.object({ docId, layer: layer.optional() }).strict(),
  restoreBackup: z.object({ docId, backupId: z.string().regex(/^[\w-]{1,200}$/, 'not a backup id'), layer: layer.optional() }).strict(),
  reimportDocument: z
    .object({
      docId,
      encoding: z.string().regex(/^[\w.:-]{1,40}$/, 'not an encoding name'),
      file: z.object({ name: z.string().min(1).max(1024), data: z.string().max(Math.ceil(MAX_IMPORT_BYTES * 1.4)) }).strict(),
    })
    .strict(),
  deleteDocument: z.object({ docId }).strict(),
  listTrash: noArg,
  restoreDocument: z.object({ docId }).strict(),
  getPreferences: noArg,
  updatePreferences: z
    .object({
      author: z
        .string()
        .trim()
        .min(1)
        .max(MAX_NAME_LENGTH)
        .refine(
          isAnnotatorName,
          'an author name is 1 to 100 characters without control characters, and not "curated", "all" or "default" (they name layer choices)',
        ),
      suggestOnImport: z.boolean().optional(),
    })
    .strict(),
  chooseExportDestination: z.object({ format: exportRequest.shape.format, split: z.boolean().optional() }).strict(),
  previewExport: exportRequest,
  startExport: exportRequest.extend({ destination: z.string().min(1).max(4096) }).strict(),
  getExportJob: z.object({ jobId }).strict(),
  cancelExport: z.object({ jobId }).strict(),
  startSync: noArg,
  getSyncStatus: noArg,
  getAgreement: z
    .object({ docIds: z.array(docId).max(1_000_000).optional(), annotators: z.array(layer).max(1000).optional(), labels: labelNames.optional() })
    .strict(),
  startCuration: z.object({ docId, policy: z.enum(['all', 'majority', 'none']) }).strict(),
  listClaims: z.object({ docIds: z.array(docId).max(1_000_000).optional(), layer: layer.optional() }).strict(),
  getSuggestions: z.object({ docId, layer: layer.optional(), compute: z.boolean().optional() }).strict(),
  rejectSuggestions: z.object({ docId, layer: layer.optional(), keys: z.array(suggestionKey).max(100_000), undo: z.boolean().optional() }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType };

/**
 * The first problem of a tag schema read from disk, held to the rules of `updateSchema`.
 * @returns a sentence naming the offending field, or null when the schema can be used
 */
export function schemaProblem(input: unknown): string | null {
  const result = schemaShape.safeParse(input);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `its schema is not valid: ${issue?.message ?? 'invalid'}${issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''}`;
}

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

/** The methods that have a validator (the same as API_METHODS; the contract test checks). */
export const VALIDATED_METHODS = Object.keys(schemas) as ApiMethod[];

/**
 * Runs one API call against an implementation and always answers with an envelope:
 * ApiError keeps its code; anything else is reported via `onInternal` and sent as INTERNAL.
 */
export async function dispatch(api: ClaimdeskApi, method: string, input: unknown, onInternal: (err: unknown) => void): Promise<Envelope<unknown>> {
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

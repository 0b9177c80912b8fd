/**
 * On-disk format versions and their migrations. A file of an older version is brought up to
 * date on open; a newer one is refused (it was written by a newer Claimdesk). Pure.
 */
import type { DocumentData, DocumentRow, Schema } from './types';
import { DEFAULT_SCHEMA } from './default-schema';

/** The version this build writes into claimdesk.json and every document file. */
export const STORE_VERSION = 1;

export type WorkspaceFile = {
  version: number;
  schema: Schema;
  documents: DocumentRow[];
  settings: Record<string, unknown>;
};

export type DocumentFile = { version: number } & DocumentData;

/** Why a stored file cannot be used; the message says what to do. */
export type MigrateResult<T> = { ok: true; value: T; migrated: boolean } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkVersion(raw: unknown): { ok: true; version: number } | { ok: false; reason: string } {
  if (!isRecord(raw)) return { ok: false, reason: 'it does not hold a JSON object' };
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, reason: 'it has no valid "version" field' };
  if (version > STORE_VERSION)
    return { ok: false, reason: `it was written by a newer Claimdesk (format version ${version}, this one reads up to ${STORE_VERSION}); update Claimdesk to open it` };
  return { ok: true, version };
}

/**
 * Validates and migrates a parsed claimdesk.json.
 * @returns the current-version file, or a reason it cannot be used
 */
export function migrateWorkspaceFile(raw: unknown): MigrateResult<WorkspaceFile> {
  const v = checkVersion(raw);
  if (!v.ok) return v;
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.documents)) return { ok: false, reason: 'its "documents" field is not a list' };
  return {
    ok: true,
    migrated: false,
    value: {
      version: STORE_VERSION,
      schema: isRecord(r.schema) ? (r.schema as unknown as Schema) : DEFAULT_SCHEMA,
      documents: r.documents as DocumentRow[],
      settings: isRecord(r.settings) ? r.settings : {},
    },
  };
}

/**
 * Validates and migrates a parsed documents/<id>.json.
 * @returns the current-version file, or a reason it cannot be used
 */
export function migrateDocumentFile(raw: unknown): MigrateResult<DocumentFile> {
  const v = checkVersion(raw);
  if (!v.ok) return v;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.text !== 'string' || !Array.isArray(r.blocks))
    return { ok: false, reason: 'it lacks the "id", "text" or "blocks" field' };
  return { ok: true, migrated: false, value: r as unknown as DocumentFile };
}

/**
 * On-disk format versions and their migrations. A file of an older version is brought up to
 * date on open; a newer one is refused (it was written by a newer Claimdesk). Pure.
 */
import type { DocumentData, DocumentRow, Schema } from './types';
import { schemaProblem } from '../api-validate';
import { DEFAULT_SCHEMA } from './default-schema';
import { documentFileProblem, documentRowsProblem } from './file-checks';

/** The version this build writes into claimdesk.json and every document file. */
export const STORE_VERSION = 1;

export type WorkspaceFile = {
  version: number;
  schema: Schema;
  documents: DocumentRow[];
  settings: Record<string, unknown>;
};

export type DocumentFile = { version: number } & DocumentData;

/** Why a stored file cannot be used (the message says what to do), or its current-version content and the version it had on disk. */
export type MigrateResult<T> = { ok: true; value: T; migrated: boolean; fromVersion: number } | { ok: false; reason: string };

type Raw = Record<string, unknown>;

/** One step up the on-disk format: turns parsed files of version `from` into files of version `from + 1`. */
export type MigrationStep = Readonly<{ from: number; workspace: (raw: Raw) => Raw; document: (raw: Raw) => Raw }>;

/**
 * Every step from the first on-disk version up to STORE_VERSION, oldest first. Version 1 is the
 * first format that shipped, so there is none yet; a format change adds its step here, together
 * with fixtures of the old version for the tests.
 */
export const MIGRATIONS: readonly MigrationStep[] = [];

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Brings a parsed file up to version `target` by running the steps from its own version on.
 * @param steps the registry (MIGRATIONS; tests pass their own)
 * @returns the file at `target` and the version it had, or why it cannot be used: not an
 *   object, no valid version, newer than `target`, or a step missing
 */
export function upgrade(
  raw: unknown,
  kind: 'workspace' | 'document',
  steps: readonly MigrationStep[] = MIGRATIONS,
  target = STORE_VERSION,
): { ok: true; value: Raw; fromVersion: number } | { ok: false; reason: string } {
  if (!isRecord(raw)) return { ok: false, reason: 'it does not hold a JSON object' };
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'it has no valid "version" field' };
  if (version > target)
    return {
      ok: false,
      reason: `it was written by a newer Claimdesk (format version ${version}, this one reads up to ${target}); update Claimdesk to open it`,
    };
  let value = raw;
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step)
      return {
        ok: false,
        reason: `this Claimdesk cannot bring format version ${v} up to date (no migration from it); open it with the Claimdesk that wrote it and save it again`,
      };
    value = { ...step[kind](value), version: v + 1 };
  }
  return { ok: true, value, fromVersion: version };
}

/**
 * Validates and migrates a parsed claimdesk.json.
 * @returns the current-version file, or a reason it cannot be used
 */
export function migrateWorkspaceFile(
  raw: unknown,
  steps: readonly MigrationStep[] = MIGRATIONS,
  target = STORE_VERSION,
): MigrateResult<WorkspaceFile> {
  const up = upgrade(raw, 'workspace', steps, target);
  if (!up.ok) return up;
  const r = up.value;
  if (!Array.isArray(r.documents)) return { ok: false, reason: 'its "documents" field is not a list' };
  const problem = documentRowsProblem(r.documents) ?? (isRecord(r.schema) ? schemaProblem(r.schema) : null);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    migrated: up.fromVersion < target,
    fromVersion: up.fromVersion,
    value: {
      version: target,
      schema: isRecord(r.schema) ? (r.schema as unknown as Schema) : DEFAULT_SCHEMA,
      documents: r.documents as DocumentRow[],
      settings: isRecord(r.settings) ? r.settings : {},
    },
  };
}

/**
 * Validates and migrates a parsed documents/<id>.json: every field is checked as API input is
 * (see file-checks.ts), so a tampered or badly merged file is refused before any of it is used.
 * @returns the current-version file, or a reason it cannot be used
 */
export function migrateDocumentFile(raw: unknown, steps: readonly MigrationStep[] = MIGRATIONS, target = STORE_VERSION): MigrateResult<DocumentFile> {
  const up = upgrade(raw, 'document', steps, target);
  if (!up.ok) return up;
  const r = up.value;
  const problem = documentFileProblem(r);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, migrated: up.fromVersion < target, fromVersion: up.fromVersion, value: r as unknown as DocumentFile };
}

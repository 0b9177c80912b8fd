/**
 * On-disk format versions and their migrations. A file of an older version is brought up to
 * date on open; a newer one is refused (it was written by a newer Claimdesk). Pure.
 */
import type { DocumentData, FieldConflict, IndexRow, Schema } from './types';
import { schemaProblem } from '../api-validate';
import { DEFAULT_SCHEMA } from './default-schema';
import { articleFileProblem, documentFileProblem, documentRowsProblem, layerFileProblem } from './file-checks';
import { articleOf, splitIntoLayers, STORE_VERSION, type ArticleFile, type LayerFile } from './layers';
import { withoutUnset } from './schema-rules';

export { STORE_VERSION };

export type WorkspaceFile = {
  version: number;
  schema: Schema;
  documents: IndexRow[];
  settings: Record<string, unknown>;
  /** Schema fields a git merge found changed differently on two machines (ours kept; see shared/merge). */
  conflicts?: FieldConflict[];
};

/** A version-1 document file (`documents/<id>.json`): the article and the one set of annotations it had. */
export type DocumentFile = { version: number } & DocumentData;

/** A document's files after the step from version 1: its article and one layer per annotator. */
export type DocumentBundle = { version: number; article: ArticleFile; layers: LayerFile[] };

/** Why a stored file cannot be used (the message says what to do), or its current-version content and the version it had on disk. */
export type MigrateResult<T> = { ok: true; value: T; migrated: boolean; fromVersion: number } | { ok: false; reason: string };

type Raw = Record<string, unknown>;

/** The kinds of file a step may change: claimdesk.json, a whole document (before v2), an article file, a layer file. */
export type FileKind = 'workspace' | 'document' | 'article' | 'layer';

/** What a step may need beyond the file: the annotator whose layer takes work nobody signed (the analyst migrating). */
export type MigrationContext = Readonly<{ annotator: string }>;

/**
 * One step up the on-disk format: turns parsed files of version `from` into files of version
 * `from + 1`. A kind the step leaves alone has no function (the file only gets the new version).
 */
export type MigrationStep = Readonly<{ from: number } & Partial<Record<FileKind, (raw: Raw, context: MigrationContext) => Raw>>>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 -> 2, the layered workspace: claimdesk.json's rows lose what changes with every edit
 * (status and counts, now per layer and cached), and each document file becomes a bundle of an
 * article and one layer per annotator: every annotation goes to its author's layer (one with no
 * author to the migrating analyst's), a relation to the layer of its source annotation (the
 * annotation it points to is copied there when another author made it, so no link is lost), and
 * the status and document attributes to every layer (to the analyst's when nobody annotated but
 * they were set). Nothing is dropped.
 */
const V1_TO_V2: MigrationStep = {
  from: 1,
  workspace: (raw) => ({
    ...raw,
    documents: (Array.isArray(raw.documents) ? raw.documents : []).map((row: unknown) => {
      if (!isRecord(row)) return row;
      const { status: _s, annotationCount: _a, labelCounts: _l, ...kept } = row;
      return kept;
    }),
  }),
  document: (raw, { annotator }) => {
    const doc = raw as unknown as DocumentData;
    return { article: articleOf(doc), layers: splitIntoLayers(doc, annotator) };
  },
};

/** Every step from the first on-disk version up to STORE_VERSION, oldest first (fixtures of each old version are in tests/fixtures). */
export const MIGRATIONS: readonly MigrationStep[] = [V1_TO_V2];

/**
 * Brings a parsed file up to version `target` by running the steps from its own version on.
 * @param steps the registry (MIGRATIONS; tests pass their own)
 * @returns the file at `target` and the version it had, or why it cannot be used: not an
 *   object, no valid version, newer than `target`, or a step missing
 */
export function upgrade(
  raw: unknown,
  kind: FileKind,
  steps: readonly MigrationStep[] = MIGRATIONS,
  target = STORE_VERSION,
  context: MigrationContext = { annotator: 'unknown' },
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
    const change = step[kind];
    value = { ...(change ? change(value, context) : value), version: v + 1 };
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
      documents: r.documents as IndexRow[],
      settings: isRecord(r.settings) ? r.settings : {},
      ...(Array.isArray(r.conflicts) && r.conflicts.length > 0 ? { conflicts: r.conflicts as FieldConflict[] } : {}),
    },
  };
}

/**
 * Validates a parsed version-1 documents/<id>.json and turns it into the current version's files
 * (an article and its layers): every field is checked as API input is (see file-checks.ts), so a
 * tampered file is refused before any of it is used.
 * @param context the annotator whose layer takes annotations that have no author
 */
export function migrateV1Document(
  raw: unknown,
  context: MigrationContext,
  steps: readonly MigrationStep[] = MIGRATIONS,
): MigrateResult<DocumentBundle> {
  if (!isRecord(raw) || raw.version !== 1) return { ok: false, reason: 'it is not a version-1 document file' };
  const problem = documentFileProblem(raw);
  if (problem) return { ok: false, reason: problem };
  const up = upgrade(raw, 'document', steps, STORE_VERSION, context);
  if (!up.ok) return up;
  const bundle = up.value as unknown as DocumentBundle;
  return { ok: true, migrated: true, fromVersion: 1, value: { ...bundle, layers: bundle.layers.map(layerWithoutUnset) } };
}

/**
 * Validates and migrates a parsed article file.
 * @param docId the document its place names (a file holding another id is refused)
 */
export function migrateArticleFile(raw: unknown, docId: string, steps: readonly MigrationStep[] = MIGRATIONS): MigrateResult<ArticleFile> {
  if (isRecord(raw) && raw.version === 1) return { ok: false, reason: 'it is a version-1 file in a version-2 place' };
  const up = upgrade(raw, 'article', steps);
  if (!up.ok) return up;
  const problem =
    articleFileProblem(up.value) ??
    (up.value.id !== docId ? `it holds document ${JSON.stringify(up.value.id)}, not ${docId} as its place says` : null);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, migrated: up.fromVersion < STORE_VERSION, fromVersion: up.fromVersion, value: up.value as unknown as ArticleFile };
}

/**
 * Validates and migrates a parsed layer file against its article's text.
 * @param docId the document and `layer` the layer its place names
 */
export function migrateLayerFile(
  raw: unknown,
  text: string,
  docId: string,
  layer: string,
  steps: readonly MigrationStep[] = MIGRATIONS,
): MigrateResult<LayerFile> {
  const up = upgrade(raw, 'layer', steps);
  if (!up.ok) return up;
  const problem = layerFileProblem(up.value, text, docId, layer);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    migrated: up.fromVersion < STORE_VERSION,
    fromVersion: up.fromVersion,
    value: layerWithoutUnset(up.value as unknown as LayerFile),
  };
}

/**
 * A layer with the unset values (isUnset: the legacy "unset" string, null, "", []) dropped from
 * its document attributes and every annotation's attributes, as they are stored from now on.
 * Done on every read, not as a version step: the file itself is rewritten with the next save,
 * never just for this (`migrated` stays as the version says).
 * @returns the same object when nothing was unset
 */
export function layerWithoutUnset<T extends Pick<LayerFile, 'attributes' | 'annotations'>>(layer: T): T {
  const attributes = withoutUnset(layer.attributes);
  let changed = attributes !== layer.attributes;
  const annotations = layer.annotations.map((a) => {
    const kept = withoutUnset(a.attributes);
    if (kept === a.attributes) return a;
    changed = true;
    return { ...a, attributes: kept };
  });
  return changed ? { ...layer, attributes, annotations } : layer;
}

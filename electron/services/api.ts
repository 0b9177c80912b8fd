/**
 * The service side of the API contract: every ClaimdeskApi method, implemented on the
 * workspace that is open now. Both shells (Electron IPC and the browser host) dispatch
 * into the object this returns; neither adds behaviour of its own.
 */
import { ApiError, type ClaimdeskApi } from '../../shared/api';
import type { Low } from 'lowdb';
import { analystName, defaultAuthor, type AppSettings } from './app-paths';
import { canWriteLayer, isAnnotatorName } from '../../shared/model/layers';
import { ExportJobs, type ExportShell } from './export/jobs';
import { workspaceAgreement } from './agreement';
import { startCuration } from './curation';
import { listWorkspaceClaims } from './claims';
import { SyncRunner } from './sync-runner';
import { ChangeFeed } from './change-feed';
import { WorkspaceLexicons } from './suggestions/lexicon';
import { SuggestionService } from './suggestions/service';
import type { Workspace } from './workspace';

/** Holds the open workspace; Electron's File > Open Workspace swaps it. */
export type WorkspaceSession = { current: Workspace };

/** The app settings file and whether it may be written (see openAppSettings). */
export type SettingsStore = Readonly<{ db: Low<AppSettings>; isWritable: boolean }>;

/**
 * Builds the API over a session.
 * @param session the holder of the open workspace (read on every call)
 * @param settings the per-user settings (author name)
 * @param shell what the shell provides: letting the user choose where an export goes
 *   (Electron: native dialogs; the browser host: `browserShell` from export/jobs.ts)
 * @returns an implementation of every contract method
 */
export function createServiceApi(session: WorkspaceSession, settings: SettingsStore, shell: ExportShell): ClaimdeskApi {
  const ws = () => session.current;
  const exportJobs = new ExportJobs(ws, shell);
  const preferences = () => ({ author: settings.db.data.author ?? defaultAuthor(), suggestOnImport: settings.db.data.suggestOnImport === true });
  /** The analyst's own layer: their author name (the OS user name when the saved one cannot name a layer). */
  const me = () => analystName(settings.db.data);
  /** The layer a change goes to (default: your own). @throws ApiError CONFLICT for another annotator's, which is read-only */
  const writableLayer = (layer: string | undefined): string => {
    const target = layer ?? me();
    if (!canWriteLayer(target, me()))
      throw new ApiError(
        'CONFLICT',
        `${target}'s layer is read-only for you (${me()}): annotate in your own layer, or in the curated layer when adjudicating`,
      );
    return target;
  };
  const sync = new SyncRunner(ws, me);
  const lexicons = new WorkspaceLexicons();
  const suggestions = new SuggestionService(ws, (workspace) => lexicons.of(workspace));
  // The workspace lexicon hears every write made through this API (a shell's own feed wraps it again for its tabs).
  const feed = new ChangeFeed(() => ws().info().revision);
  feed.subscribe((event) => lexicons.noteChange(event));
  const api: ClaimdeskApi = {
    getWorkspace: async () => ({ ...ws().info(), annotator: me() }),
    listDocuments: async () => ws().listDocuments(me()),
    loadWorkspace: async () => {
      // Read in one go (no await between): the rows are of the revision the info tells.
      const workspace = ws();
      const annotator = me();
      return { info: { ...workspace.info(), annotator }, rows: workspace.listDocuments(annotator) };
    },
    getDocument: ({ docId, layer }) => ws().openDocument(docId, layer ?? me()),
    readAhead: ({ docIds, layer }) => ws().readAhead(docIds, layer ?? me()),
    importFiles: async ({ files }) => {
      const report = await ws().importSources(
        files.map((file) => {
          const bytes = Buffer.from(file.data, 'base64');
          return { name: file.name, sourcePath: file.name, size: bytes.byteLength, read: async () => new Uint8Array(bytes) };
        }),
      );
      return settings.db.data.suggestOnImport === true ? suggestions.enableImported(report) : report;
    },
    applyChanges: async ({ docId, ops, layer }) => ({ row: await ws().applyChanges(docId, writableLayer(layer), ops) }),
    updateSchema: async ({ schema, renamedLabels, removedLabels }) => {
      await ws().updateSchema(schema, { renamedLabels, removedLabels });
      return { ...ws().info(), annotator: me() };
    },
    listBackups: ({ docId, layer }) => ws().listBackups(docId, layer ?? me()),
    restoreBackup: async ({ docId, backupId, layer }) => ws().restoreBackup(docId, writableLayer(layer), backupId),
    reimportDocument: ({ docId, encoding, file }) => ws().reimportDocument(docId, encoding, new Uint8Array(Buffer.from(file.data, 'base64')), me()),
    deleteDocument: ({ docId }) => ws().deleteDocument(docId),
    listTrash: () => ws().listTrash(me()),
    restoreDocument: ({ docId }) => ws().restoreDocument(docId, me()),
    getPreferences: async () => preferences(),
    updatePreferences: async ({ author, suggestOnImport }) => {
      if (!settings.isWritable)
        throw new ApiError(
          'IO',
          'the settings file could not be read, so Claimdesk will not overwrite it; fix or remove settings.json in the Claimdesk data folder',
        );
      if (!isAnnotatorName(author))
        throw new ApiError(
          'INVALID_INPUT',
          `"${author}" cannot be an author name: it names your layer, so it may not be "curated", "all" or "default"`,
        );
      settings.db.data.author = author;
      if (suggestOnImport !== undefined) settings.db.data.suggestOnImport = suggestOnImport;
      await settings.db.write();
      return preferences();
    },
    chooseExportDestination: ({ format, split }) => exportJobs.chooseDestination(format, split === true),
    previewExport: (request) => exportJobs.previewExport(request),
    startExport: async (request) => exportJobs.startExport(request),
    getExportJob: async ({ jobId }) => exportJobs.getExportJob(jobId),
    cancelExport: ({ jobId }) => exportJobs.cancelExport(jobId),
    startSync: async () => sync.start(),
    getSyncStatus: async () => sync.get(),
    getAgreement: (request) => workspaceAgreement(ws(), request),
    startCuration: ({ docId, policy }) => startCuration(ws(), docId, policy, me()),
    listClaims: (request) => listWorkspaceClaims(ws(), request, request.layer ?? me()),
    getSuggestions: ({ docId, layer, compute }) => suggestions.get(docId, layer ?? me(), compute === true),
    rejectSuggestions: ({ docId, layer, keys, undo }) => suggestions.reject(docId, writableLayer(layer), keys, undo === true),
  };
  return feed.publishing(api, undefined);
}

/**
 * The service side of the API contract: every ClaimdeskApi method, implemented on the
 * workspace that is open now. Both shells (Electron IPC and the browser host) dispatch
 * into the object this returns; neither adds behaviour of its own.
 */
import { ApiError, type ClaimdeskApi } from '../../shared/api';
import type { Low } from 'lowdb';
import { defaultAuthor, type AppSettings } from './app-paths';
import { ExportJobs, type ExportShell } from './export/jobs';
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
  const preferences = () => ({ author: settings.db.data.author ?? defaultAuthor() });
  return {
    getWorkspace: async () => ws().info(),
    listDocuments: async () => ws().listDocuments(),
    getDocument: ({ docId }) => ws().openDocument(docId),
    importFiles: ({ files }) =>
      ws().importSources(
        files.map((file) => {
          const bytes = Buffer.from(file.data, 'base64');
          return { name: file.name, sourcePath: file.name, size: bytes.byteLength, read: async () => new Uint8Array(bytes) };
        }),
      ),
    applyChanges: async ({ docId, ops }) => ({ row: await ws().applyChanges(docId, ops) }),
    updateSchema: async ({ schema, renamedLabels, removedLabels }) => {
      await ws().updateSchema(schema, { renamedLabels, removedLabels });
      return ws().info();
    },
    listBackups: ({ docId }) => ws().listBackups(docId),
    restoreBackup: ({ docId, backupId }) => ws().restoreBackup(docId, backupId),
    deleteDocument: ({ docId }) => ws().deleteDocument(docId),
    listTrash: () => ws().listTrash(),
    restoreDocument: ({ docId }) => ws().restoreDocument(docId),
    getPreferences: async () => preferences(),
    updatePreferences: async ({ author }) => {
      if (!settings.isWritable)
        throw new ApiError(
          'IO',
          'the settings file could not be read, so Claimdesk will not overwrite it; fix or remove settings.json in the Claimdesk data folder',
        );
      settings.db.data.author = author;
      await settings.db.write();
      return preferences();
    },
    chooseExportDestination: ({ format, split }) => exportJobs.chooseDestination(format, split === true),
    previewExport: (request) => exportJobs.previewExport(request),
    startExport: async (request) => exportJobs.startExport(request),
    getExportJob: async ({ jobId }) => exportJobs.getExportJob(jobId),
    cancelExport: ({ jobId }) => exportJobs.cancelExport(jobId),
  };
}

/**
 * The service side of the API contract: every ClaimdeskApi method, implemented on the
 * workspace that is open now. Both shells (Electron IPC and the browser host) dispatch
 * into the object this returns; neither adds behaviour of its own.
 */
import type { ClaimdeskApi } from '../../shared/api';
import type { Workspace } from './workspace';

/** Holds the open workspace; Electron's File > Open Workspace swaps it. */
export type WorkspaceSession = { current: Workspace };

/**
 * Builds the API over a session.
 * @param session the holder of the open workspace (read on every call)
 * @returns an implementation of every contract method
 */
export function createServiceApi(session: WorkspaceSession): ClaimdeskApi {
  const ws = () => session.current;
  return {
    getWorkspace: async () => ws().info(),
    listDocuments: async () => ws().listDocuments(),
    getDocument: ({ docId }) => ws().getDocument(docId),
    importFiles: ({ files }) =>
      ws().importSources(
        files.map((file) => {
          const bytes = Buffer.from(file.data, 'base64');
          return { name: file.name, sourcePath: file.name, size: bytes.byteLength, read: async () => new Uint8Array(bytes) };
        }),
      ),
    updateDocument: ({ docId, ...change }) => ws().updateDocument(docId, change),
  };
}

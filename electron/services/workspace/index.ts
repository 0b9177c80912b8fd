/** The workspace service: see workspace.ts for what each file of this folder owns. */
export { Workspace } from './workspace';
export { BACKUPS_PER_DOCUMENT } from './history';
export type { ImportSource } from './imports';

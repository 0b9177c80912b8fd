/** Electron's profile folder, prepared before app.setPath('userData', …) (electron/desktop/user-data.ts). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronProfileDir } from '../../electron/desktop/user-data';
import { tempDir } from './support/temp';

describe('electronProfileDir', () => {
  it('creates the folder (and its parents) under CLAIMDESK_DATA_DIR, since Electron’s setPath throws for a missing one', async () => {
    const dataDir = join(await tempDir(), 'not', 'yet', 'there');
    const dir = electronProfileDir({ CLAIMDESK_DATA_DIR: dataDir });
    expect(dir).toBe(join(dataDir, 'electron-profile'));
    expect(statSync(dir!).isDirectory()).toBe(true);
    expect(electronProfileDir({ CLAIMDESK_DATA_DIR: dataDir })).toBe(dir); // again: already there is fine
  });

  it('keeps Electron’s default when the data folder is not overridden', () => {
    expect(electronProfileDir({})).toBeNull();
  });
});

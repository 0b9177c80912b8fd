/**
 * The migration step registry on its own. No earlier on-disk format has shipped (MIGRATIONS is
 * empty), so the steps here are defined by the test: a made-up version 2 that renames a field.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { MIGRATIONS, migrateDocumentFile, migrateWorkspaceFile, STORE_VERSION, upgrade, type MigrationStep } from '../../../shared/model/migrate';

const renameNote: MigrationStep = {
  from: 1,
  workspace: (raw) => ({ ...raw, settings: { ...(raw.settings as object), upgraded: true } }),
  document: ({ notes, ...rest }) => ({ ...rest, remarks: notes }),
};

describe('upgrade', () => {
  it('runs the steps from the file version up to the target, and says where it started', () => {
    expect(upgrade({ version: 1, notes: 'n' }, 'document', [renameNote], 2)).toEqual({
      ok: true,
      value: { version: 2, remarks: 'n' },
      fromVersion: 1,
    });
    const three: MigrationStep = { from: 2, workspace: (raw) => raw, document: ({ remarks, ...rest }) => ({ ...rest, comment: remarks }) };
    expect(upgrade({ version: 1, notes: 'n' }, 'document', [three, renameNote], 3)).toMatchObject({ ok: true, value: { version: 3, comment: 'n' } });
  });

  it('leaves a file of the target version as it is (same object)', () => {
    const raw = { version: 2, remarks: 'r' };
    const up = upgrade(raw, 'document', [renameNote], 2);
    expect(up.ok && up.value).toBe(raw);
  });

  it('refuses a newer version, a missing step and a missing version, saying what to do', () => {
    expect(upgrade({ version: 3 }, 'document', [renameNote], 2)).toEqual({
      ok: false,
      reason: expect.stringMatching(/written by a newer Claimdesk \(format version 3, this one reads up to 2\); update Claimdesk/),
    });
    expect(upgrade({ version: 1 }, 'document', [], 2)).toEqual({
      ok: false,
      reason: expect.stringMatching(/cannot bring format version 1 up to date/),
    });
    expect(upgrade({ version: '1' }, 'workspace')).toEqual({ ok: false, reason: 'it has no valid "version" field' });
    expect(upgrade([], 'workspace')).toEqual({ ok: false, reason: 'it does not hold a JSON object' });
  });
});

describe('the file migrators', () => {
  it('report migrated only when a step ran', () => {
    const workspace = { version: 1, schema: DEFAULT_SCHEMA, documents: [], settings: {} };
    expect(migrateWorkspaceFile(workspace)).toMatchObject({ ok: true, migrated: false, fromVersion: 1 });
    expect(migrateWorkspaceFile(workspace, [renameNote], 2)).toMatchObject({
      ok: true,
      migrated: true,
      fromVersion: 1,
      value: { version: 2, settings: { upgraded: true } },
    });
    const doc = {
      version: 1,
      id: 'abc123',
      title: 't',
      text: 't',
      blocks: [],
      meta: {},
      status: 'new',
      attributes: {},
      annotations: [],
      relations: [],
      notes: 'n',
    };
    expect(migrateDocumentFile(doc, [renameNote], 2)).toMatchObject({ ok: true, migrated: true, value: { version: 2, remarks: 'n' } });
  });

  it('ship no step yet: version 1 is the first format and the current one', () => {
    expect(STORE_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });
});

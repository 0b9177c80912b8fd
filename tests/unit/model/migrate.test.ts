/**
 * The migration step registry on its own: the shipped step from version 1 to 2, and made-up
 * steps (a field renamed) for the registry's mechanics.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import {
  MIGRATIONS,
  migrateLayerFile,
  migrateV1Document,
  migrateWorkspaceFile,
  STORE_VERSION,
  upgrade,
  type MigrationStep,
} from '../../../shared/model/migrate';

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
    const workspace = { version: 2, schema: DEFAULT_SCHEMA, documents: [], settings: {} };
    expect(migrateWorkspaceFile(workspace)).toMatchObject({ ok: true, migrated: false, fromVersion: 2 });
    const fromTwo: MigrationStep = { from: 2, workspace: (raw) => ({ ...raw, settings: { upgraded: true } }) };
    expect(migrateWorkspaceFile(workspace, [fromTwo], 3)).toMatchObject({
      ok: true,
      migrated: true,
      fromVersion: 2,
      value: { version: 3, settings: { upgraded: true } },
    });
  });

  it('ship the step from version 1 (one file per document) to 2 (an article and one layer per annotator)', () => {
    expect(STORE_VERSION).toBe(2);
    expect(MIGRATIONS.map((s) => s.from)).toEqual([1]);
    const stamp = { createdAt: 't', updatedAt: 't', attributes: {} };
    const v1 = {
      version: 1,
      id: 'abc123',
      title: 'T',
      text: 'Ann said hi. Bob said no.',
      blocks: [{ type: 'paragraph', start: 0, end: 25 }],
      meta: { sourceName: 'a.txt' },
      status: 'done',
      attributes: {},
      annotations: [
        { id: 'a1', label: 'Claim', start: 9, end: 11, quote: 'hi', author: 'ann', ...stamp },
        { id: 's1', label: 'Source', start: 0, end: 3, quote: 'Ann', author: 'bob', ...stamp },
        { id: 'b1', label: 'Claim', start: 22, end: 24, quote: 'no', author: '', ...stamp },
      ],
      relations: [{ id: 'r1', type: 'attributed_to', from: 'a1', to: 's1', author: 'ann', createdAt: 't' }],
    };
    const result = migrateV1Document(v1, { annotator: 'me' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { article, layers } = result.value;
    expect(article).toMatchObject({ id: 'abc123', title: 'T', text: v1.text });
    expect(article).not.toHaveProperty('annotations');
    const byName = Object.fromEntries(layers.map((l) => [l.layer, l]));
    expect(Object.keys(byName).sort()).toEqual(['ann', 'bob', 'me']);
    // The relation goes with its claim; the source it points to is copied into ann's layer so the link is kept.
    expect(byName.ann!.annotations.map((a) => a.id).sort()).toEqual(['a1', 's1']);
    expect(byName.ann!.relations.map((r) => r.id)).toEqual(['r1']);
    expect(byName.bob!.annotations.map((a) => a.id)).toEqual(['s1']);
    expect(byName.me!.annotations.map((a) => a.id)).toEqual(['b1']);
    expect(layers.every((l) => l.status === 'done')).toBe(true);
  });

  it('drop unset values (the legacy "unset", null, "", []) from a layer as it is read, without calling it migrated', () => {
    const stamp = { author: 'ann', createdAt: 't', updatedAt: 't' };
    const layer = {
      version: STORE_VERSION,
      docId: 'abc123',
      layer: 'ann',
      status: 'in_progress',
      attributes: { topic: 'unset', region: 'EU' },
      annotations: [
        {
          id: 'a1',
          label: 'Claim',
          start: 4,
          end: 8,
          quote: 'said',
          attributes: { checkworthy: 'unset', claim_type: 'factual', topics: [], claim_summary: '' },
          ...stamp,
        },
        { id: 'a2', label: 'Claim', start: 0, end: 3, quote: 'Ann', attributes: { checkworthy: 'yes' }, ...stamp },
      ],
      relations: [],
    };
    const result = migrateLayerFile(layer, 'Ann said hi.', 'abc123', 'ann');
    expect(result).toMatchObject({ ok: true, migrated: false });
    if (!result.ok) return;
    expect(result.value.attributes).toEqual({ region: 'EU' });
    expect(result.value.annotations.map((a) => a.attributes)).toEqual([{ claim_type: 'factual' }, { checkworthy: 'yes' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { conflictsIn, mergeWorkspaceJson, UnmergeableFileError, workspaceFileKind } from '../../../shared/merge/workspace-json';
import { CLAIM, SOURCE, article, edit, indexFile, layer, pretty, row } from './fixtures';

const LAYER_PATH = 'documents/abc123/layers/Ann%20Lee.json';

describe('workspaceFileKind', () => {
  it('names the workspace files by their place, also in a workspace below the repository root', () => {
    expect(workspaceFileKind('claimdesk.json')).toBe('index');
    expect(workspaceFileKind('team/project/claimdesk.json')).toBe('index');
    expect(workspaceFileKind('documents/abc123/article.json')).toBe('article');
    expect(workspaceFileKind(LAYER_PATH)).toBe('layer');
    expect(workspaceFileKind('ws\\documents\\abc123\\curated.json')).toBe('layer');
    for (const other of [
      'README.md',
      'documents/abc123.json',
      'documents/XYZ/article.json',
      'exports/claimdesk.json.bak',
      'documents/abc123/notes.json',
    ])
      expect(workspaceFileKind(other)).toBeNull();
  });
});

describe('mergeWorkspaceJson', () => {
  it('merges a layer and writes it as the store does', () => {
    const base = layer([CLAIM]);
    const ours = layer([CLAIM, SOURCE]);
    const theirs = layer([edit(CLAIM, { note: 'n' })]);
    const { text, conflicts } = mergeWorkspaceJson(LAYER_PATH, pretty(base), pretty(ours), pretty(theirs));
    expect(conflicts).toBe(0);
    expect(text).toBe(pretty(layer([edit(CLAIM, { note: 'n' }), SOURCE])));
  });

  it('merges claimdesk.json and article files, and reads an empty ancestor as none', () => {
    const index = mergeWorkspaceJson('claimdesk.json', '', pretty(indexFile([row('d10001', 'A')])), pretty(indexFile([row('d20002', 'B')])));
    expect(JSON.parse(index.text).documents.map((d: { id: string }) => d.id)).toEqual(['d10001', 'd20002']);
    const renamed = mergeWorkspaceJson('documents/abc123/article.json', pretty(article('Old')), pretty(article('Old')), pretty(article('New')));
    expect(renamed).toEqual({ text: pretty(article('New')), conflicts: 0 });
    const clash = mergeWorkspaceJson('documents/abc123/article.json', pretty(article('Old')), pretty(article('Ours')), pretty(article('Theirs')));
    expect(clash).toEqual({ text: pretty(article('Ours')), conflicts: 1 });
  });

  it('treats an ancestor that does not parse as none', () => {
    const { conflicts } = mergeWorkspaceJson(LAYER_PATH, '{broken', pretty(layer([CLAIM])), pretty(layer([edit(CLAIM, { label: 'Cue' })])));
    expect(conflicts).toBe(1);
  });

  it('refuses a side that is not JSON or not a layer, saying which side and what to do', () => {
    const good = pretty(layer([CLAIM]));
    const ours = () => mergeWorkspaceJson(LAYER_PATH, null, '<<<<<<< HEAD', good);
    expect(ours).toThrow(UnmergeableFileError);
    expect(ours).toThrow(
      /documents\/abc123\/layers\/Ann%20Lee\.json cannot be merged: this machine's version is not valid JSON .*git checkout --ours or --theirs/,
    );
    expect(() => mergeWorkspaceJson(LAYER_PATH, null, good, '[]')).toThrow(/the incoming version does not hold a JSON object/);
    expect(() => mergeWorkspaceJson(LAYER_PATH, null, good, '{"annotations": []}')).toThrow(
      /the incoming version has no "annotations" or "relations" list/,
    );
    expect(() => mergeWorkspaceJson('README.md', null, 'a', 'b')).toThrow(TypeError);
  });
});

describe('conflictsIn', () => {
  it('counts a layer’s and its annotations’ conflicts, and claimdesk.json’s list', () => {
    const l = layer(
      [
        edit(CLAIM, {
          conflicts: [
            { field: 'label', values: ['a', 'b'] },
            { field: 'note', values: [null, 'n'] },
          ],
        }),
      ],
      [],
      {
        conflicts: [{ field: 'status', values: ['new', 'done'] }],
      },
    );
    expect(conflictsIn(LAYER_PATH, pretty(l))).toBe(3);
    expect(conflictsIn('claimdesk.json', pretty(indexFile([], { conflicts: [{ field: 'settings.x', values: [1, 2] }] })))).toBe(1);
    expect(conflictsIn('documents/abc123/article.json', pretty(article('A')))).toBe(0);
    expect(conflictsIn(LAYER_PATH, 'not json')).toBe(0);
  });
});

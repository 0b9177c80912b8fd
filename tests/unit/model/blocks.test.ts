/**
 * The block model of import round 2: list items (depth, ordered) and PDF pages survive layout,
 * the checks of files read from disk, and a JSONL export read back.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonlLine, toJsonlLine } from '../../../shared/formats/jsonl';
import { layoutBlocks, type BlockDraft } from '../../../shared/model/blocks';
import { articleFileProblem } from '../../../shared/model/file-checks';
import type { DocumentData } from '../../../shared/model/types';
import { TEST_META } from '../support/make-doc';

const DRAFTS: BlockDraft[] = [
  { type: 'heading', level: 1, text: 'Budget talks', page: 1 },
  { type: 'paragraph', text: 'The council agreed on three points:', page: 1 },
  { type: 'list_item', level: 1, ordered: true, text: 'a new tram line', page: 1 },
  { type: 'list_item', level: 2, ordered: false, text: 'north of the river', page: 2 },
  { type: 'list_item', level: 1, ordered: true, text: 'lower fares', page: 2 },
  { type: 'paragraph', text: 'Year | Budget', page: 2 },
];

function documentOf(drafts: readonly BlockDraft[]): DocumentData {
  const { text, blocks } = layoutBlocks(drafts);
  return { id: 'abcdef12', title: 'Budget talks', text, blocks, meta: TEST_META, status: 'new', attributes: {}, annotations: [], relations: [] };
}

describe('list and page blocks', () => {
  it('keep their depth, ordering and page through layout, with "\\n\\n" between blocks', () => {
    const { text, blocks } = layoutBlocks(DRAFTS);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(DRAFTS.map((d) => d.text));
    expect(text).toBe(DRAFTS.map((d) => d.text).join('\n\n'));
    expect(blocks[3]).toEqual({ type: 'list_item', start: blocks[3]!.start, end: blocks[3]!.end, level: 2, ordered: false, page: 2 });
    expect(Object.keys(blocks[2]!)).toEqual(['type', 'start', 'end', 'level', 'ordered', 'page']);
  });

  it('are accepted from disk, and a bad depth, page or ordered flag is named', () => {
    const doc = documentOf(DRAFTS);
    expect(articleFileProblem({ ...doc })).toBeNull();
    const withBlock = (patch: Record<string, unknown>) => ({ ...doc, blocks: [{ ...doc.blocks[2], ...patch }] });
    expect(articleFileProblem(withBlock({ level: 0 }))).toMatch(/block 1 has a "level" or "page"/);
    expect(articleFileProblem(withBlock({ page: 1.5 }))).toMatch(/block 1 has a "level" or "page"/);
    expect(articleFileProblem(withBlock({ ordered: 'yes' }))).toMatch(/"ordered" that is not true or false/);
    expect(articleFileProblem(withBlock({ type: 'table' }))).toMatch(/block 1 is not a heading, paragraph, quote or list item/);
  });

  it('round-trip through a JSONL export', () => {
    const doc = { ...documentOf(DRAFTS), meta: { ...TEST_META, sha256: 'a'.repeat(64), format: 'md' as const } };
    const line = toJsonlLine(doc);
    const back = parseJsonlLine(line);
    expect(back).toEqual({ doc });
    expect(toJsonlLine((back as { doc: DocumentData }).doc)).toBe(line);
  });
});

/**
 * The ProseMirror schema for an article: doc > section+ > (heading{level} | paragraph |
 * quote)+, each block holding inline text only, one node per stored block. Sections group
 * SECTION_SIZE blocks so that re-drawing highlights stays cheap in long articles (see
 * shared/anchoring/sections.ts; positions convert through renderer/editor/positions.ts). No
 * marks: annotations are decorations, never marks, so the document stays exactly the stored text.
 */
import { Schema, type NodeSpec } from 'prosemirror-model';

/** Clamps any stored heading level to an HTML heading level. */
export function headingLevel(level: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const n = typeof level === 'number' && Number.isFinite(level) ? Math.round(level) : 1;
  return Math.min(6, Math.max(1, n)) as 1 | 2 | 3 | 4 | 5 | 6;
}

const section: NodeSpec = {
  content: 'block+',
  toDOM: () => ['div', { class: 'cd-section' }, 0],
  parseDOM: [{ tag: 'div.cd-section' }],
};

const heading: NodeSpec = {
  group: 'block',
  content: 'text*',
  attrs: { level: { default: 1 } },
  defining: true,
  toDOM: (node) => [`h${headingLevel(node.attrs['level'])}`, 0],
  parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
};

const paragraph: NodeSpec = {
  group: 'block',
  content: 'text*',
  toDOM: () => ['p', 0],
  parseDOM: [{ tag: 'p' }],
};

const quote: NodeSpec = {
  group: 'block',
  content: 'text*',
  defining: true,
  toDOM: () => ['blockquote', 0],
  parseDOM: [{ tag: 'blockquote' }],
};

/** The article schema; block node names match `BlockType` ('heading' | 'paragraph' | 'quote'). */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section,
    heading,
    paragraph,
    quote,
    text: {},
  },
  marks: {},
});

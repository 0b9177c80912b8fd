/**
 * The ProseMirror schema for an article: doc > section+ > (heading{level} | paragraph | quote |
 * list_item{level, ordered, marker})+, each block holding inline text only, one node per stored
 * block. Sections group SECTION_SIZE blocks so that re-drawing highlights stays cheap in long
 * articles (see shared/anchoring/sections.ts; positions convert through renderer/editor/positions.ts).
 * List items are flat, styled blocks (indent and marker drawn by CSS), not ul/ol wrappers: a
 * wrapper node would add positions and break the one-node-per-block offset map. A block that
 * starts a new PDF page carries `page`, drawn as a thin rule with "p. N" in the margin; like the
 * list marker it is a pseudo-element, never text. No marks: annotations are decorations, never
 * marks, so the document stays exactly the stored text.
 */
import { Schema, type Attrs, type DOMOutputSpec, type NodeSpec } from 'prosemirror-model';

/** Clamps any stored heading level to an HTML heading level. */
export function headingLevel(level: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const n = typeof level === 'number' && Number.isFinite(level) ? Math.round(level) : 1;
  return Math.min(6, Math.max(1, n)) as 1 | 2 | 3 | 4 | 5 | 6;
}

/** Clamps a stored list depth to what the view indents (deeper items line up with the sixth level). */
export function listDepth(level: unknown): number {
  const n = typeof level === 'number' && Number.isFinite(level) ? Math.round(level) : 1;
  return Math.min(6, Math.max(1, n));
}

/** Every block node's `page` attribute: the page it starts when it is the first block of one, else null. */
const pageAttr = { page: { default: null } };

/** The DOM attributes that draw a page boundary before a block (see DocumentEditor.css). */
function pageDomAttrs(attrs: Attrs): Record<string, string> {
  const page: unknown = attrs['page'];
  return typeof page === 'number' ? { class: 'cd-page-start', 'data-page': `p. ${page}` } : {};
}

const section: NodeSpec = {
  content: 'block+',
  toDOM: () => ['div', { class: 'cd-section' }, 0],
  parseDOM: [{ tag: 'div.cd-section' }],
};

const heading: NodeSpec = {
  group: 'block',
  content: 'text*',
  attrs: { level: { default: 1 }, ...pageAttr },
  defining: true,
  toDOM: (node) => [`h${headingLevel(node.attrs['level'])}`, pageDomAttrs(node.attrs), 0],
  parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
};

const paragraph: NodeSpec = {
  group: 'block',
  content: 'text*',
  attrs: pageAttr,
  toDOM: (node) => ['p', pageDomAttrs(node.attrs), 0],
  parseDOM: [{ tag: 'p' }],
};

const quote: NodeSpec = {
  group: 'block',
  content: 'text*',
  attrs: pageAttr,
  defining: true,
  toDOM: (node) => ['blockquote', pageDomAttrs(node.attrs), 0],
  parseDOM: [{ tag: 'blockquote' }],
};

/** A list item: `marker` is "•" or "3." (counted by buildDoc), drawn before the text by CSS. */
const listItem: NodeSpec = {
  group: 'block',
  content: 'text*',
  attrs: { level: { default: 1 }, ordered: { default: false }, marker: { default: '•' }, ...pageAttr },
  defining: true,
  toDOM: (node): DOMOutputSpec => {
    const page = pageDomAttrs(node.attrs);
    const attrs = {
      ...page,
      class: ['cd-list-item', page['class']].filter(Boolean).join(' '),
      'data-level': String(listDepth(node.attrs['level'])),
      'data-marker': String(node.attrs['marker']),
    };
    return ['p', attrs, 0];
  },
  parseDOM: [{ tag: 'p.cd-list-item', priority: 60 }],
};

/** The article schema; block node names match `BlockType` ('heading' | 'paragraph' | 'quote' | 'list_item'). */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section,
    heading,
    paragraph,
    quote,
    list_item: listItem,
    text: {},
  },
  marks: {},
});

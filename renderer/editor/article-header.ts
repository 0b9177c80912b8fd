/**
 * The article's header inside the editor: the headline and a meta line under it
 * ("byline · site · date"). When the text's first block is the title, that block is dressed
 * as the headline (a node decoration) and the meta line is a widget after it, so the headline
 * stays annotatable text. Otherwise a widget before the text shows the title and meta line.
 * Widgets are plain DOM outside the stored text: they never shift offsets and selections
 * skip them. The doc never changes, so the set is built once.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { DocumentData } from '../../shared/model/types';
import { formatDate } from '../util/format';

/** What the header shows; `meta` is already formatted, empty parts left out. */
export type ArticleHeader = Readonly<{ title: string; meta: readonly string[] }>;

/**
 * The header for a stored document: its title, and byline · site · publication date where
 * the source had them; a source without any of those shows its file name and import date.
 */
export function headerFor(doc: Pick<DocumentData, 'title' | 'meta'>): ArticleHeader {
  const { byline, siteName, publishedAt, sourceName, importedAt } = doc.meta;
  const given = [byline, siteName, publishedAt === undefined ? undefined : formatDate(publishedAt)];
  const meta = given.filter((part): part is string => part !== undefined && part.trim() !== '');
  return { title: doc.title, meta: meta.length > 0 ? meta : [sourceName, `Imported ${formatDate(importedAt)}`] };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Builds the plugin that draws the header for `doc`.
 * @param header the title and meta parts to show
 * @returns a plugin whose decorations are the headline dressing and the meta widget
 */
export function articleHeaderPlugin(doc: PmNode, header: ArticleHeader): Plugin {
  const decorations = DecorationSet.create(doc, headerDecorations(doc, header));
  return new Plugin({ props: { decorations: () => decorations } });
}

function headerDecorations(doc: PmNode, header: ArticleHeader): Decoration[] {
  // The first block sits inside the first section, one position in.
  const first = doc.firstChild?.firstChild ?? null;
  const titleIsFirstBlock = first !== null && first.textContent !== '' && squash(first.textContent) === squash(header.title);
  if (first && titleIsFirstBlock) {
    const attrs: Record<string, string> = { class: 'cd-headline' };
    if (first.type.name !== 'heading') Object.assign(attrs, { role: 'heading', 'aria-level': '1' });
    const out = [Decoration.node(1, 1 + first.nodeSize, attrs)];
    if (header.meta.length > 0)
      out.push(Decoration.widget(1 + first.nodeSize, () => metaLine(header.meta), { side: -1, key: 'meta', ignoreSelection: true }));
    return out;
  }
  return [Decoration.widget(1, () => standaloneHeader(header), { side: -1, key: 'header', ignoreSelection: true })];
}

function metaLine(parts: readonly string[]): HTMLElement {
  const p = document.createElement('p');
  p.className = 'cd-article-meta';
  p.contentEditable = 'false';
  parts.forEach((part, i) => {
    if (i > 0) {
      const dot = document.createElement('span');
      dot.className = 'cd-article-meta-sep';
      dot.setAttribute('aria-hidden', 'true');
      dot.textContent = ' · ';
      p.append(dot);
    }
    const span = document.createElement('span');
    span.textContent = part;
    p.append(span);
  });
  return p;
}

function standaloneHeader(header: ArticleHeader): HTMLElement {
  const wrap = document.createElement('header');
  wrap.className = 'cd-article-header';
  wrap.contentEditable = 'false';
  const h1 = document.createElement('h1');
  h1.className = 'cd-headline';
  h1.textContent = header.title;
  wrap.append(h1);
  if (header.meta.length > 0) wrap.append(metaLine(header.meta));
  return wrap;
}

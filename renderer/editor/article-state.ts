/**
 * The article's editor state and fixed view attributes, built one way for the article view
 * (DocumentEditor) and for the warm-up (warm-up.ts): the document of sections, the plugins that
 * draw it (progressive showing, the header, the annotations of the sections shown at first,
 * the suggestions) in that order.
 */
import { EditorState } from 'prosemirror-state';
import type { DocumentData, Schema } from '../../shared/model/types';
import { annotationPlugin } from './annotation-plugin';
import { viewsInSections, type AnnotationUi } from './annotation-views';
import { articleHeaderPlugin, headerFor } from './article-header';
import { buildDoc } from './build-doc';
import { firstScreenSections, progressivePlugin, type ShowHook } from './progressive';
import { suggestionPlugin, type SuggestionLayer } from './suggestion-plugin';

export type ArticleStateInput = Readonly<{
  /** The article (its text and blocks). */
  article: DocumentData;
  /** The document whose annotations are drawn (the session's; the same article). */
  doc: DocumentData;
  schema: Schema;
  ui: AnnotationUi;
  suggestions: SuggestionLayer;
  /** Draws what lies in a section shown later (see progressive.ts). */
  onShow: ShowHook;
}>;

/** A new editor state for the article, with the highlights of the sections shown at first. */
export function articleState({ article, doc, schema, ui, suggestions, onShow }: ArticleStateInput): EditorState {
  const pmDoc = buildDoc(article);
  const first = firstScreenSections(pmDoc);
  return EditorState.create({
    doc: pmDoc,
    plugins: [
      progressivePlugin(pmDoc, first, onShow),
      articleHeaderPlugin(pmDoc, headerFor(article)),
      annotationPlugin(viewsInSections(doc, schema, ui, first)),
      suggestionPlugin(suggestions),
    ],
  });
}

/** The view's DOM attributes: a read-only, focusable article named by its title. */
export function articleAttributes(title: string): Record<string, string> {
  return { role: 'article', 'aria-label': title, tabindex: '0', class: 'cd-article-text', spellcheck: 'false' };
}

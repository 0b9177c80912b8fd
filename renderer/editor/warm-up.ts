/**
 * Warms the article view before the first article opens (#14): the first open of a window
 * otherwise pays for compiling the editor's code (ProseMirror's view, the decoration builder,
 * the plugins) and for matching the article's style rules for the first time, about as long
 * again as the open itself. A short article with a highlight of every label is drawn once, the
 * same way as a real one (article-state.ts), into a hidden box that is laid out and removed in
 * the same task, so nobody ever sees it. Once per window.
 */
import { EditorView } from 'prosemirror-view';
import type { Schema } from '../../shared/model/types';
import { labelStyles } from './annotation-plugin';
import { articleAttributes, articleState } from './article-state';
import { sampleArticle } from './sample-article';
import { NO_SUGGESTIONS } from './suggestion-plugin';

let isWarm = false;

/** Draws the sample article once, hidden, and takes it away again; later calls do nothing. */
export function warmUpArticleView(schema: Schema, page: Document = document): void {
  if (isWarm) return;
  isWarm = true;
  const article = sampleArticle(schema);
  const host = page.createElement('div');
  host.className = 'cd-editor-host';
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position: fixed; top: 0; left: -10000px; width: 600px; visibility: hidden; pointer-events: none';
  const style = page.createElement('style');
  style.textContent = labelStyles('.cd-editor-host', schema.labels);
  host.append(style);
  page.body.append(host);
  const ui = { selectedId: null, linking: null };
  const state = articleState({ article, doc: article, schema, ui, suggestions: NO_SUGGESTIONS, onShow: () => undefined });
  const view = new EditorView(host, { state, editable: () => false, attributes: articleAttributes(article.title) });
  try {
    void view.dom.getBoundingClientRect(); // style and layout, once
  } finally {
    view.destroy();
    host.remove();
  }
}

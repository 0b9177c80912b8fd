/**
 * Ghost highlights (#15): one plugin whose state is a DecorationSet of inline decorations, one
 * per suggestion shown (`nodeName: 'span'`, class `cd-suggestion`, `data-suggestion-key`,
 * `data-label` for its colour), drawn dashed and unfilled so they never read as annotations;
 * the suggestion under the cursor gets `is-active` and a tag with its label at its start. A new list of suggestions is compared with
 * what is drawn by key, and only the suggestions that came, went or moved are re-drawn (an
 * accept removes a few; a cursor move re-draws two), so a long article with thousands of
 * suggestions is built once; thousands arriving at once are drawn in chunks (showSuggestionsGradually). Mapped through `tr.mapping` like the annotation layer. Knows
 * nothing about documents or the service: it draws the views it is given.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Command } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Block } from '../../shared/model/types';
import type { Suggestion } from '../../shared/suggest/types';
import { nextTask } from '../util/next-task';
import { viewPosFromOffset } from './positions';
import './suggestions.css';

/** How one suggestion is drawn: its key, label and PM range [from, to). */
export type SuggestionView = Readonly<{ key: string; label: string; from: number; to: number }>;

/** What the article shows of the suggestions: every one drawn, and the one under the cursor. */
export type SuggestionLayer = Readonly<{ views: readonly SuggestionView[]; activeKey: string | null }>;

type Spec = Readonly<{ key: string }>;

type GhostState = Readonly<{
  set: DecorationSet;
  /** What is drawn; replaced (never changed in place) with each new layer. */
  layer: SuggestionLayer;
  byKey: ReadonlyMap<string, SuggestionView>;
}>;

const ghostKey = new PluginKey<GhostState>('suggestions');

/** Nothing shown. */
export const NO_SUGGESTIONS: SuggestionLayer = { views: [], activeKey: null };

/**
 * Each suggestion's view, made once per blocks: the list made again after each change to the
 * layer reuses them, and new blocks (the text re-imported) make them afresh.
 */
const viewCache = new WeakMap<Suggestion, Readonly<{ blocks: readonly Block[]; view: SuggestionView }>>();

/** The views of suggestions in the article `blocks` (text offsets to view positions). */
export function suggestionViews(blocks: readonly Block[], suggestions: readonly Suggestion[]): SuggestionView[] {
  return suggestions.map((s) => {
    const cached = viewCache.get(s);
    if (cached && cached.blocks === blocks) return cached.view;
    const view = { key: s.key, label: s.label, from: viewPosFromOffset(blocks, s.start, 1), to: viewPosFromOffset(blocks, s.end, -1) };
    viewCache.set(s, { blocks, view });
    return view;
  });
}

/** @param initial what to show at first */
export function suggestionPlugin(initial: SuggestionLayer): Plugin<GhostState> {
  return new Plugin<GhostState>({
    key: ghostKey,
    state: {
      init: (_config, state) => ({
        set: DecorationSet.create(
          state.doc,
          initial.views.flatMap((v) => decorationsFor(v, initial.activeKey)),
        ),
        layer: initial,
        byKey: indexOf(initial.views),
      }),
      apply(tr, value) {
        const next = tr.getMeta(ghostKey) as SuggestionLayer | undefined;
        const mapped = value.set.map(tr.mapping, tr.doc);
        if (!next) return mapped === value.set ? value : { ...value, set: mapped };
        return redraw(tr.doc, { ...value, set: mapped }, next);
      },
    },
    props: { decorations: (state) => ghostKey.getState(state)?.set ?? DecorationSet.empty },
  });
}

/** Shows `layer` in place of what is drawn (re-drawing only what differs). */
export function showSuggestions(layer: SuggestionLayer): Command {
  return (state, dispatch) => {
    const current = ghostKey.getState(state);
    if (!current || current.layer === layer) return false;
    dispatch?.(state.tr.setMeta(ghostKey, layer).setMeta('addToHistory', false));
    return true;
  };
}

/**
 * New ghosts drawn per task when many come at once (suggestions turned on for a long article
 * already laid out): drawing thousands in one transaction re-renders every paragraph in one
 * long task; in chunks of this many the keyboard and frames get a turn between them.
 */
const CHUNK = 300;

/**
 * Shows `layer`: at once when it adds few ghosts; else in chunks, one task each, those nearest
 * the middle of the screen first (what is gone and the cursor change at once, with the first).
 * @returns a function that stops the chunks still to come (a newer layer, or the view going away)
 */
export function showSuggestionsGradually(view: EditorView, layer: SuggestionLayer): () => void {
  const drawn = ghostKey.getState(view.state);
  const fresh = drawn ? layer.views.filter((v) => !drawn.byKey.has(v.key)) : [];
  if (!drawn || fresh.length <= CHUNK) {
    showSuggestions(layer)(view.state, view.dispatch);
    return () => undefined;
  }
  const box = view.dom.getBoundingClientRect();
  const middle = view.posAtCoords({ left: box.left + box.width / 2, top: Math.max(box.top, 0) + Math.min(box.height, innerHeight) / 2 })?.pos ?? 0;
  fresh.sort((a, b) => Math.abs(a.from - middle) - Math.abs(b.from - middle));
  let views = layer.views.filter((v) => drawn.byKey.has(v.key));
  let next = 0;
  let isStopped = false;
  const step = () => {
    if (isStopped || view.isDestroyed) return;
    views = [...views, ...fresh.slice(next, (next += CHUNK))];
    const isLast = next >= fresh.length;
    showSuggestions(isLast ? layer : { views, activeKey: layer.activeKey })(view.state, view.dispatch);
    if (!isLast) nextTask(step);
  };
  step();
  return () => {
    isStopped = true;
  };
}

function indexOf(views: readonly SuggestionView[]): Map<string, SuggestionView> {
  return new Map(views.map((v) => [v.key, v]));
}

function redraw(doc: PmNode, before: GhostState, layer: SuggestionLayer): GhostState {
  const drawnOf = (v: SuggestionView) => before.set.find(v.from, v.to, (spec: Spec) => spec.key === v.key);
  // The same list with another cursor: only the two suggestions whose look changes.
  const changed = new Set<string>();
  let byKey = before.byKey;
  if (layer.views !== before.layer.views) {
    byKey = indexOf(layer.views);
    for (const [key, old] of before.byKey) {
      const now = byKey.get(key);
      if (now !== old && (!now || now.from !== old.from || now.to !== old.to || now.label !== old.label)) changed.add(key);
    }
    for (const key of byKey.keys()) if (!before.byKey.has(key)) changed.add(key);
  }
  for (const key of [before.layer.activeKey, layer.activeKey]) if (key !== null) changed.add(key);
  let set = before.set;
  const removed = [...changed].flatMap((key) => {
    const old = before.byKey.get(key);
    return old ? drawnOf(old) : [];
  });
  if (removed.length > 0) set = set.remove(removed);
  const added = [...changed].flatMap((key) => {
    const now = byKey.get(key);
    return now ? decorationsFor(now, layer.activeKey) : [];
  });
  if (added.length > 0) set = set.add(doc, added);
  return { set, layer, byKey };
}

function decorationsFor(view: SuggestionView, activeKey: string | null): Decoration[] {
  if (view.from >= view.to) return [];
  const isActive = view.key === activeKey;
  const attrs = {
    nodeName: 'span',
    class: isActive ? 'cd-suggestion is-active' : 'cd-suggestion',
    'data-suggestion-key': view.key,
    'data-label': view.label,
  };
  const out = [Decoration.inline(view.from, view.to, attrs, { key: view.key } satisfies Spec)];
  // The active one's label tag, once at its start: a suggestion split around others is drawn as several elements.
  if (isActive)
    out.push(Decoration.widget(view.from, (pm) => tagDom(pm.dom.ownerDocument, view), { key: view.key, side: -1, ignoreSelection: true }));
  return out;
}

/** "Claim ?" over the start of the suggestion under the cursor. Its words come from CSS, so they are never part of the text. */
function tagDom(document: Document, view: SuggestionView): HTMLElement {
  const anchor = document.createElement('span');
  anchor.className = 'cd-suggestion-anchor';
  anchor.contentEditable = 'false';
  const tag = document.createElement('span');
  tag.className = 'cd-suggestion-tag';
  tag.dataset.label = view.label;
  anchor.append(tag);
  return anchor;
}

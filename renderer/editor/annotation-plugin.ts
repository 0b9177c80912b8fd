/**
 * The annotation layer: one plugin whose state is a DecorationSet of inline decorations, one
 * per annotation (`nodeName: 'span'`, so overlapping annotations nest as separate elements,
 * each with its own `data-annotation-id`, `data-label` and colour), plus a small marker
 * widget after claims. The set is changed incrementally through transaction meta (add or
 * re-draw some views, remove some ids, draw a part of the article being shown) and mapped
 * through `tr.mapping`; it is built whole only for a new document or a new schema. Each annotation gets a lane, the lowest one not
 * used by the annotations it overlaps, so nested underlines sit at different depths.
 * Knows nothing about documents or the session: it draws the views it is given.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { assignLanes, lowestFreeLane } from '../../shared/anchoring/lanes';

/** The marker after an annotation: "no source", or the text of its sources. */
export type Marker = Readonly<{ kind: 'unsourced' }> | Readonly<{ kind: 'sources'; text: string; color: string }>;

/** How one annotation is drawn: PM range [from, to), label (its colour comes from labelStyles), state classes, optional marker. */
export type AnnotationView = Readonly<{
  id: string;
  label: string;
  from: number;
  to: number;
  classes: readonly string[];
  marker?: Marker;
}>;

/** Lanes above this share the deepest underline (the line box has room for four). */
export const MAX_LANE = 3;

type Entry = Readonly<{ view: AnnotationView; lane: number }>;
type Spec = Readonly<{ id: string; kind: 'span' | 'marker'; lane: number }>;

type LayerState = Readonly<{
  set: DecorationSet;
  /**
   * id -> what is drawn. Shared by successive plugin states and updated in place: copying it
   * would cost O(annotations) per change, and a plugin state is never reused after `apply`.
   */
  entries: Map<string, Entry>;
}>;

type LayerMeta = Readonly<{
  reset?: readonly AnnotationView[];
  upsert?: readonly AnnotationView[];
  remove?: readonly string[];
  draw?: readonly AnnotationView[];
}>;

/** The plugin's key (its state: the decoration set and what each annotation is drawn as). */
export const annotationLayerKey = new PluginKey<LayerState>('annotations');

/**
 * @param initial the views to draw at first (laid out in one sorted pass)
 * @returns the plugin
 */
export function annotationPlugin(initial: readonly AnnotationView[]): Plugin<LayerState> {
  return new Plugin<LayerState>({
    key: annotationLayerKey,
    state: {
      init: (_config, state) => build(state.doc, initial),
      apply(tr, value) {
        const meta = tr.getMeta(annotationLayerKey) as LayerMeta | undefined;
        const mapped = value.set.map(tr.mapping, tr.doc);
        if (!meta) return mapped === value.set ? value : { set: mapped, entries: value.entries };
        if (meta.reset) return build(tr.doc, meta.reset);
        const updated = update(tr.doc, mapped, value.entries, meta);
        return { set: meta.draw ? draw(tr.doc, updated, value.entries, meta.draw) : updated, entries: value.entries };
      },
    },
    props: { decorations: (state) => annotationLayerKey.getState(state)?.set ?? DecorationSet.empty },
  });
}

/**
 * Re-draws the annotations in `upsert` (adding those not drawn yet; one whose range is
 * unchanged keeps its lane) and removes the highlights of the ids in `remove`.
 */
export function changeAnnotations(change: Readonly<{ upsert?: readonly AnnotationView[]; remove?: readonly string[] }>): Command {
  return metaCommand(change);
}

/**
 * Adds to `tr` the drawing of annotations not drawn yet (those of a part of the article being
 * shown; see progressive.ts), laid out in one sorted pass around the highlights already there.
 */
export function drawAnnotations(tr: Transaction, views: readonly AnnotationView[]): Transaction {
  const before = tr.getMeta(annotationLayerKey) as LayerMeta | undefined;
  return tr.setMeta(annotationLayerKey, { ...before, draw: [...(before?.draw ?? []), ...views] } satisfies LayerMeta);
}

/** Replaces every highlight (a new schema: colours change everywhere). */
export function resetAnnotations(views: readonly AnnotationView[]): Command {
  return metaCommand({ reset: views });
}

/** Where an annotation is drawn: its PM range and lane, or undefined when it is not drawn. */
export function drawnAnnotation(state: EditorState, id: string): Readonly<{ from: number; to: number; lane: number }> | undefined {
  const entry = annotationLayerKey.getState(state)?.entries.get(id);
  return entry && { from: entry.view.from, to: entry.view.to, lane: entry.lane };
}

function metaCommand(meta: LayerMeta): Command {
  return (state, dispatch) => {
    if (!annotationLayerKey.getState(state)) return false;
    dispatch?.(state.tr.setMeta(annotationLayerKey, meta).setMeta('addToHistory', false));
    return true;
  };
}

function build(doc: PmNode, views: readonly AnnotationView[]): LayerState {
  const usable = views.filter((v) => v.from < v.to);
  const lanes = assignLanes(usable.map((v) => ({ start: v.from, end: v.to })));
  const entries = new Map<string, Entry>();
  const decorations: Decoration[] = [];
  usable.forEach((view, i) => {
    const lane = lanes[i]!;
    entries.set(view.id, { view, lane });
    decorations.push(...decorationsFor(view, lane));
  });
  return { set: DecorationSet.create(doc, decorations), entries };
}

function update(doc: PmNode, set: DecorationSet, entries: Map<string, Entry>, meta: LayerMeta): DecorationSet {
  const drawn = (e: Entry) => set.find(e.view.from, e.view.to, (spec: Spec) => spec.id === e.view.id);
  for (const id of meta.remove ?? []) {
    const entry = entries.get(id);
    if (!entry) continue;
    set = set.remove(drawn(entry));
    entries.delete(id);
  }
  for (const view of meta.upsert ?? []) {
    const old = entries.get(view.id);
    if (old) set = set.remove(drawn(old));
    if (view.from >= view.to) {
      entries.delete(view.id);
      continue;
    }
    const lane = old && old.view.from === view.from && old.view.to === view.to ? old.lane : freeLane(set, view);
    entries.set(view.id, { view, lane });
    set = set.add(doc, decorationsFor(view, lane));
  }
  return set;
}

function draw(doc: PmNode, set: DecorationSet, entries: Map<string, Entry>, views: readonly AnnotationView[]): DecorationSet {
  const fresh = views.filter((v) => v.from < v.to && !entries.has(v.id));
  if (fresh.length === 0) return set;
  const from = Math.min(...fresh.map((v) => v.from));
  const to = Math.max(...fresh.map((v) => v.to));
  const around = set.find(from, to, (spec: Spec) => spec.kind === 'span').map((d) => ({ start: d.from, end: d.to, lane: (d.spec as Spec).lane }));
  const lanes = assignLanes(
    fresh.map((v) => ({ start: v.from, end: v.to })),
    around,
  );
  const decorations: Decoration[] = [];
  fresh.forEach((view, i) => {
    entries.set(view.id, { view, lane: lanes[i]! });
    decorations.push(...decorationsFor(view, lanes[i]!));
  });
  return set.add(doc, decorations);
}

/** The lowest lane not used by a drawn annotation sharing a character with `view`. */
function freeLane(set: DecorationSet, view: AnnotationView): number {
  const used = set
    .find(view.from, view.to, (spec: Spec) => spec.kind === 'span' && spec.id !== view.id)
    .filter((d) => d.from < view.to && d.to > view.from)
    .map((d) => (d.spec as Spec).lane);
  return lowestFreeLane(used);
}

function decorationsFor(view: AnnotationView, lane: number): Decoration[] {
  // No inline style: the colour comes from the label (labelStyles), the depth from the lane class.
  const attrs = {
    nodeName: 'span',
    class: ['cd-hl', `cd-lane-${Math.min(lane, MAX_LANE)}`, ...view.classes].join(' '),
    'data-annotation-id': view.id,
    'data-label': view.label,
  };
  const spec: Spec = { id: view.id, kind: 'span', lane };
  const out = [Decoration.inline(view.from, view.to, attrs, spec)];
  const marker = view.marker;
  if (marker) {
    const markerSpec = { id: view.id, kind: 'marker', lane, side: -1, ignoreSelection: true, key: `${view.id}:${JSON.stringify(marker)}` };
    out.push(Decoration.widget(view.to, (pmView) => markerDom(pmView.dom.ownerDocument, view.id, marker), markerSpec));
  }
  return out;
}

/**
 * The stylesheet giving each label's highlights, and its suggestions' ghost highlights (#15), their
 * colour (`--hl-color`), for a <style> element scoped to `scope`. Colours that are not valid CSS colours, and labels outside the schema,
 * keep the neutral default of the stylesheet.
 */
export function labelStyles(scope: string, labels: readonly Readonly<{ name: string; color: string }>[]): string {
  return labels
    .filter((l) => CSS.supports('color', l.color))
    .map((l) => `${scope} :is(.cd-hl, .cd-suggestion, .cd-suggestion-tag)[data-label="${CSS.escape(l.name)}"] { --hl-color: ${l.color}; }`)
    .join('\n');
}

/**
 * The marker element. Its words come from CSS (`content: attr(data-text)`), so they are not
 * part of the article's text: selections and copies never pick them up.
 */
function markerDom(document: Document, id: string, marker: Marker): HTMLElement {
  const el = document.createElement('span');
  el.contentEditable = 'false';
  el.setAttribute('role', 'img');
  el.dataset.markerFor = id;
  if (marker.kind === 'unsourced') {
    el.className = 'cd-marker cd-marker--unsourced';
    el.setAttribute('aria-label', 'No source');
    el.title = 'This claim has no source yet: select it and press L to link one';
  } else {
    el.className = 'cd-marker cd-marker--sources';
    el.dataset.text = marker.text;
    el.style.setProperty('--hl-color', marker.color);
    el.setAttribute('aria-label', `Source: ${marker.text}`);
    el.title = `Attributed to ${marker.text}`;
  }
  return el;
}

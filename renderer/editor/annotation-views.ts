/**
 * What the article shows for each annotation: its PM range, colour, state classes (selected,
 * linked to the selected one, link candidate, unsourced claim) and the small marker after a
 * claim (its sources, or "no source"). Also which annotations a change touches, so the
 * plugin re-draws only those. Reads the document; never touches the view.
 */
import { SECTION_SIZE } from '../../shared/anchoring/sections';
import { ATTRIBUTED_TO, isUnsourcedClaim } from '../../shared/model/vocabulary';
import type { Operation } from '../../shared/model/operations';
import { findLabel } from '../../shared/model/schema-rules';
import type { Annotation, DocumentData, Relation, Schema } from '../../shared/model/types';
import type { AnnotationView, Marker } from './annotation-plugin';
import { excerpt } from './annotation-text';
import { viewPosFromOffset } from './positions';

/**
 * Link mode: the annotation the analyst started from (`fromId`), the relation type, whether it is
 * the link's target (`reverse`: the link is stored from the chosen candidate to it, in the
 * schema's direction), the annotations it may be joined to, and the one the keyboard is on.
 */
export type LinkMode = Readonly<{ fromId: string; type: string; reverse: boolean; candidates: ReadonlySet<string>; activeId: string | null }>;

/** The interaction state that changes how highlights look. */
export type AnnotationUi = Readonly<{ selectedId: string | null; linking: LinkMode | null }>;

/** Lookups a view needs; an indexed one for whole-document builds, a scanning one for single changes. */
type Lookup = Readonly<{
  annotation: (id: string) => Annotation | undefined;
  relations: (id: string) => readonly Relation[];
}>;

const FALLBACK_COLOR = '#8a8f98';
const MARKER_CHARS = 28;
/** Up to this many annotations are looked up by scanning the document; more build (or reuse) its index. */
const SCAN_LIMIT = 16;

function scanLookup(doc: DocumentData): Lookup {
  return {
    annotation: (id) => doc.annotations.find((a) => a.id === id),
    relations: (id) => doc.relations.filter((r) => r.from === id || r.to === id),
  };
}

function indexLookup(doc: DocumentData): Lookup {
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const byEnd = new Map<string, Relation[]>();
  for (const r of doc.relations)
    for (const end of r.from === r.to ? [r.from] : [r.from, r.to]) {
      const list = byEnd.get(end);
      if (list) list.push(r);
      else byEnd.set(end, [r]);
    }
  return { annotation: (id) => byId.get(id), relations: (id) => byEnd.get(id) ?? [] };
}

/** The colour of `label` in the schema (a neutral grey for labels the schema no longer has). */
export function labelColor(schema: Schema, label: string): string {
  return findLabel(schema, label)?.color ?? FALLBACK_COLOR;
}

function viewOf(doc: DocumentData, schema: Schema, a: Annotation, ui: AnnotationUi, lookup: Lookup): AnnotationView {
  const relations = lookup.relations(a.id);
  const classes: string[] = [];
  const selected = ui.selectedId;
  if (a.id === selected) classes.push('is-selected');
  else if (selected !== null && relations.some((r) => r.from === selected || r.to === selected)) classes.push('is-linked');
  const linking = ui.linking;
  if (linking) {
    if (linking.fromId === a.id) classes.push('is-link-from');
    if (linking.candidates.has(a.id)) classes.push(linking.activeId === a.id ? 'is-candidate is-candidate-active' : 'is-candidate');
  }
  let marker: Marker | undefined;
  if (isUnsourcedClaim(a, relations)) {
    classes.push('is-unsourced');
    marker = { kind: 'unsourced' };
  } else {
    const sources = relations
      .filter((r) => r.type === ATTRIBUTED_TO && r.from === a.id)
      .map((r) => lookup.annotation(r.to))
      .filter((s): s is Annotation => s !== undefined);
    if (sources.length > 0) {
      marker = { kind: 'sources', text: excerpt(sources.map((s) => s.quote).join(', '), MARKER_CHARS), color: labelColor(schema, sources[0]!.label) };
    }
  }
  return {
    id: a.id,
    label: a.label,
    from: viewPosFromOffset(doc.blocks, a.start, 1),
    to: viewPosFromOffset(doc.blocks, a.end, -1),
    classes,
    ...(marker ? { marker } : {}),
  };
}

/** What a document version is indexed by, built once however many parts of it are drawn. */
type DocIndex = Readonly<{ lookup: Lookup; bySection: readonly Annotation[][] }>;
const indexes = new WeakMap<DocumentData, DocIndex>();

/** The text offset where each section starts (the first at 0), from its first block. */
function sectionStarts(doc: DocumentData): number[] {
  const starts = [0];
  for (let i = SECTION_SIZE; i < doc.blocks.length; i += SECTION_SIZE) starts.push(doc.blocks[i]!.start);
  return starts;
}

/** The last section starting at or before `offset`. */
function sectionAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function indexOf(doc: DocumentData): DocIndex {
  let index = indexes.get(doc);
  if (!index) {
    const starts = sectionStarts(doc);
    const bySection: Annotation[][] = starts.map(() => []);
    for (const a of doc.annotations) {
      if (a.end <= a.start) continue;
      for (let i = sectionAt(starts, a.start); i <= sectionAt(starts, a.end - 1); i++) bySection[i]!.push(a);
    }
    index = { lookup: indexLookup(doc), bySection };
    indexes.set(doc, index);
  }
  return index;
}

/**
 * Views for the annotations lying (at least partly) in the given sections of the article
 * (groups of SECTION_SIZE blocks; see progressive.ts), from an index of the document built once.
 */
export function viewsInSections(doc: DocumentData, schema: Schema, ui: AnnotationUi, sections: Iterable<number>): AnnotationView[] {
  const { lookup, bySection } = indexOf(doc);
  const seen = new Set<string>();
  const out: AnnotationView[] = [];
  for (const i of sections)
    for (const a of bySection[i] ?? []) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push(viewOf(doc, schema, a, ui, lookup));
    }
  return out;
}

/**
 * What to re-draw for the annotations `ids`: a view for each that exists, and the ids of
 * those that are gone.
 */
export function viewsFor(doc: DocumentData, schema: Schema, ui: AnnotationUi, ids: Iterable<string>): { upsert: AnnotationView[]; remove: string[] } {
  const wanted = [...ids];
  // A few ids (one change) are found by scanning; many (link mode's candidates) through the document's index.
  const lookup = wanted.length > SCAN_LIMIT ? indexOf(doc).lookup : scanLookup(doc);
  const upsert: AnnotationView[] = [];
  const remove: string[] = [];
  for (const id of wanted) {
    const a = lookup.annotation(id);
    if (a) upsert.push(viewOf(doc, schema, a, ui, lookup));
    else remove.push(id);
  }
  return { upsert, remove };
}

/** The annotations whose look a change can alter (in `doc`, the document after it). */
export function touchedByOps(doc: DocumentData, ops: readonly Operation[]): Set<string> {
  const ids = new Set<string>();
  for (const op of ops) {
    switch (op.op) {
      case 'addAnnotation':
      case 'removeAnnotation':
        ids.add(op.annotation.id);
        break;
      case 'updateAnnotation':
        ids.add(op.id);
        // A relabelled source changes the colour of the markers of the claims citing it.
        if (op.after.label !== undefined)
          for (const r of doc.relations) if (r.to === op.id || r.from === op.id) ids.add(r.from === op.id ? r.to : r.from);
        break;
      case 'addRelation':
      case 'removeRelation':
        ids.add(op.relation.from);
        ids.add(op.relation.to);
        break;
      case 'updateDocument':
        break;
    }
  }
  return ids;
}

/** The other ends of every link of `id`. */
function linkedIds(doc: DocumentData, id: string | null): string[] {
  if (id === null) return [];
  const out: string[] = [];
  for (const r of doc.relations) {
    if (r.from === id) out.push(r.to);
    else if (r.to === id) out.push(r.from);
  }
  return out;
}

/** The annotations whose look changes when the interaction state goes from `before` to `after`. */
export function touchedByUi(doc: DocumentData, before: AnnotationUi, after: AnnotationUi): Set<string> {
  const ids = new Set<string>();
  if (before.selectedId !== after.selectedId) {
    for (const sel of [before.selectedId, after.selectedId]) {
      if (sel === null) continue;
      ids.add(sel);
      for (const id of linkedIds(doc, sel)) ids.add(id);
    }
  }
  const a = before.linking;
  const b = after.linking;
  if (a !== b) {
    for (const mode of [a, b]) if (mode) ids.add(mode.fromId);
    if (a && b && a.candidates === b.candidates) {
      for (const id of [a.activeId, b.activeId]) if (id !== null) ids.add(id);
    } else {
      for (const mode of [a, b]) if (mode) for (const id of mode.candidates) ids.add(id);
    }
  }
  return ids;
}

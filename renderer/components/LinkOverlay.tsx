/**
 * Links drawn over the article: for the selected annotation, a line from each link's start to
 * its end (an arrowhead at the end, the relation type in the left margin beside it, where it
 * covers no text), and in link mode a dashed one between the origin and the candidate the
 * keyboard is on, in the direction the link will be stored (linkEnds); for the suggestion under
 * the cursor (#15), its suggested links, dashed. An SVG laid over the article frame; it reads
 * highlight positions through the editor handle in an effect after paint (when layout is
 * current anyway) and again when the frame changes size. Never takes the pointer.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { linkEnds } from '../../shared/model/link-kinds';
import type { DocumentData, Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { LinkMode } from '../editor/annotation-views';
import type { SuggestedArc } from '../state/suggestion-cursor';
import { labelColor } from '../editor/annotation-views';
import './LinkOverlay.css';

export type LinkOverlayProps = Readonly<{
  editorRef: RefObject<DocumentEditorHandle | null>;
  doc: DocumentData;
  schema: Schema;
  selectedId: string | null;
  linking: LinkMode | null;
  /** The suggested links of the suggestion under the cursor (#15), drawn dashed; when there are any, they are drawn instead of the selected annotation's. */
  suggested?: readonly SuggestedArc[];
}>;

/** An arc's path, and the height of the lines it joins (where its label would be centred). */
type Geometry = Readonly<{ d: string; ly: number }>;
type Routed = Geometry & Readonly<{ key: string; color: string; label: string; preview: boolean }>;
/** A routed arc with its label's place: the middle of its baseline (the label runs upwards, rotated a quarter turn). */
type Arc = Routed & Readonly<{ lx: number }>;
type Box = Readonly<{ left: number; right: number; top: number; bottom: number }>;

/** Renders the arcs for the selected annotation's links. */
export function LinkOverlay({ editorRef, doc, schema, selectedId, linking, suggested = NO_ARCS }: LinkOverlayProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [arcs, setArcs] = useState<readonly Arc[]>(NO_DRAWN);
  const [layout, setLayout] = useState(0);
  const markerId = `cd-arrow-${useId().replace(/[^\w-]/g, '')}`;

  useLayoutEffect(() => {
    const frame = svgRef.current?.parentElement;
    if (!frame) return;
    const observer = new ResizeObserver(() => setLayout((n) => n + 1));
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  // Measured after paint, when layout is up to date anyway: measuring during the commit would
  // force a layout of the whole article on every change.
  useEffect(() => {
    const editor = editorRef.current;
    const frame = svgRef.current?.parentElement;
    if (!editor || !frame) return;
    // With nothing to draw (an article just opened, nothing selected) no layout is read and, when
    // nothing was drawn either, nothing is updated (#14: this effect runs before the open's first
    // paint, and setting an empty list anew scheduled a render that cost 2-6 ms there).
    let base: DOMRect | null = null;
    const relative = (rects: readonly DOMRect[]): Box[] => {
      const b = (base ??= frame.getBoundingClientRect());
      return rects.map((r) => ({ left: r.left - b.left, right: r.right - b.left, top: r.top - b.top, bottom: r.bottom - b.top }));
    };
    const boxes = (id: string): Box[] => relative(editor.rectsOf(id));
    const labelOf = (id: string) => doc.annotations.find((a) => a.id === id)?.label ?? '';
    const next: Routed[] = [];
    const add = (key: string, from: string, to: string, label: string, preview: boolean) => {
      const geometry = arcBetween(boxes(from), boxes(to), next.length);
      if (geometry) next.push({ key, ...geometry, color: labelColor(schema, labelOf(to)), label, preview });
    };
    if (linking) {
      // Drawn the way it will be stored (linking from a Source previews Claim → Source), as the link is drawn once made.
      if (linking.activeId !== null) {
        const ends = linkEnds(linking, linking.fromId, linking.activeId);
        add('preview', ends.from, ends.to, `${linking.type}?`, true);
      }
    } else if (suggested.length > 0) {
      for (const link of suggested) {
        const geometry = arcBetween(
          relative(editor.rectsOfRange(link.from.start, link.from.end)),
          relative(editor.rectsOfRange(link.to.start, link.to.end)),
          next.length,
        );
        if (geometry) next.push({ key: link.key, ...geometry, color: labelColor(schema, link.to.label), label: `${link.type}?`, preview: true });
      }
    } else if (selectedId !== null) {
      for (const r of doc.relations) if (r.from === selectedId || r.to === selectedId) add(r.id, r.from, r.to, r.type, false);
    }
    setArcs(next.length === 0 ? NO_DRAWN : placeLabels(next));
  }, [editorRef, doc, schema, selectedId, linking, suggested, layout]);

  return (
    <svg ref={svgRef} className="cd-link-overlay" aria-hidden="true">
      {arcs.map((arc, i) => (
        <g key={arc.key} className={arc.preview ? 'cd-link-arc is-preview' : 'cd-link-arc'} style={{ color: arc.color }}>
          <marker id={`${markerId}-${i}`} viewBox="0 0 10 10" refX="7" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill={arc.color} />
          </marker>
          <path d={arc.d} className="cd-link-arc-halo" />
          <path d={arc.d} className="cd-link-arc-line" markerEnd={`url(#${markerId}-${i})`} />
          <text x={arc.lx} y={arc.ly} className="cd-link-arc-label" textAnchor="middle" transform={`rotate(-90 ${arc.lx} ${arc.ly})`}>
            {arc.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

const NO_ARCS: readonly SuggestedArc[] = [];
/** No arcs drawn: one value, so clearing what is already clear is no update. */
const NO_DRAWN: readonly Arc[] = [];

/** How far left of the text the gutter route runs, and how far apart parallel routes are. */
const GUTTER_X = -14;
const GUTTER_STEP = 7;
const CORNER = 6;
/** How high an arch over one line rises: it stays in the gap between lines (about 11 px at the reading size). */
const ARCH_RISE = 9;
/** The labels' baseline, left of the leftmost route in the margin (the glyphs lie further left, the text further right). */
const LABEL_OFFSET = 4;
/** An upper estimate of a label character's advance (LinkOverlay.css: 10.5 px, weight 650), and the space between labels. */
const LABEL_CHAR_WIDTH = 6.5;
const LABEL_GAP = 6;

/**
 * Puts the labels in one column in the left margin, left of every route (so no route crosses
 * a label), each centred beside the lines its arc joins where it can be and moved down just
 * enough not to overlap the label above it.
 */
function placeLabels(arcs: readonly Routed[]): Arc[] {
  const lx = GUTTER_X - Math.max(0, arcs.length - 1) * GUTTER_STEP - LABEL_OFFSET;
  const centres = new Map<string, number>();
  let bottom = Number.NEGATIVE_INFINITY;
  for (const arc of [...arcs].sort((a, b) => a.ly - b.ly)) {
    const half = (arc.label.length * LABEL_CHAR_WIDTH) / 2;
    const ly = Math.max(arc.ly, bottom + LABEL_GAP + half);
    centres.set(arc.key, ly);
    bottom = ly + half;
  }
  return arcs.map((arc) => ({ ...arc, lx, ly: centres.get(arc.key) ?? arc.ly }));
}

/**
 * An arc between the closest pair of line boxes of the two ends. On one line: a low arch in
 * the gap above the line, from the facing end of the start to the middle of the end. On
 * different lines: a route through the left margin that runs in the gaps between lines,
 * never through text: down from the start's left end, out to the margin, along it, and back
 * in under the end, pointing up at it. Either way its label goes in the left margin beside the
 * lines it joins (placeLabels): the gap between two lines is too low for it, and above an arch
 * it covered the line before (#12).
 * @param lane which parallel margin route to use (several links from one annotation)
 * @returns the path and its label's place, or null when either end is not drawn
 */
function arcBetween(from: readonly Box[], to: readonly Box[], lane: number): Geometry | null {
  let best: [Box, Box] | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const a of from)
    for (const b of to) {
      const dx = Math.max(0, a.left - b.right, b.left - a.right);
      const d = Math.abs(a.top - b.top) * 4 + dx;
      if (d < bestDistance) [best, bestDistance] = [[a, b], d];
    }
  if (!best) return null;
  const [a, b] = best;
  const sameLine = Math.abs(a.top - b.top) < (a.bottom - a.top) / 2;
  if (sameLine) {
    const bx = (b.left + b.right) / 2;
    const ax = b.left >= a.right ? a.right - 8 : b.right <= a.left ? a.left + 8 : (a.left + a.right) / 2;
    const y = Math.min(a.top, b.top) + 2;
    // The midpoint of this cubic is 3/4 of the way up to its control points.
    const top = y - (ARCH_RISE * 4) / 3;
    return { d: `M ${ax} ${y} C ${ax} ${top}, ${bx} ${top}, ${bx} ${y}`, ly: (Math.min(a.top, b.top) + Math.max(a.bottom, b.bottom)) / 2 };
  }
  const g = GUTTER_X - lane * GUTTER_STEP;
  const sx = a.left + CORNER;
  const tx = b.left + CORNER;
  const y1 = a.bottom + 4;
  const y2 = b.bottom + 4;
  const dir = y2 > y1 ? 1 : -1;
  const r = CORNER;
  const d = [
    `M ${sx} ${a.bottom - 1}`,
    `Q ${sx} ${y1} ${sx - r} ${y1}`,
    `L ${g + r} ${y1}`,
    `Q ${g} ${y1} ${g} ${y1 + dir * r}`,
    `L ${g} ${y2 - dir * r}`,
    `Q ${g} ${y2} ${g + r} ${y2}`,
    `L ${tx - r} ${y2}`,
    `Q ${tx} ${y2} ${tx} ${b.bottom - 1}`,
  ].join(' ');
  return { d, ly: (y1 + y2) / 2 };
}

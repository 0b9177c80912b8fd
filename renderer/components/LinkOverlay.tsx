/**
 * Links drawn over the article: for the selected annotation, a line from each link's start to
 * its end (an arrowhead at the end, the relation type beside it), and in link mode a dashed
 * one to the candidate the keyboard is on. An SVG laid over the article frame; it reads
 * highlight positions through the editor handle in an effect after paint (when layout is
 * current anyway) and again when the frame changes size. Never takes the pointer.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { DocumentData, Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { LinkMode } from '../editor/annotation-views';
import { labelColor } from '../editor/annotation-views';
import './LinkOverlay.css';

export type LinkOverlayProps = Readonly<{
  editorRef: RefObject<DocumentEditorHandle | null>;
  doc: DocumentData;
  schema: Schema;
  selectedId: string | null;
  linking: LinkMode | null;
}>;

type Geometry = Readonly<{ d: string; lx: number; ly: number; vertical: boolean }>;
type Arc = Geometry & Readonly<{ key: string; color: string; label: string; preview: boolean }>;
type Box = Readonly<{ left: number; right: number; top: number; bottom: number }>;

/** Renders the arcs for the selected annotation's links. */
export function LinkOverlay({ editorRef, doc, schema, selectedId, linking }: LinkOverlayProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [arcs, setArcs] = useState<readonly Arc[]>([]);
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
    const base = frame.getBoundingClientRect();
    const boxes = (id: string): Box[] =>
      editor.rectsOf(id).map((r) => ({ left: r.left - base.left, right: r.right - base.left, top: r.top - base.top, bottom: r.bottom - base.top }));
    const labelOf = (id: string) => doc.annotations.find((a) => a.id === id)?.label ?? '';
    const next: Arc[] = [];
    const add = (key: string, from: string, to: string, label: string, preview: boolean) => {
      const geometry = arcBetween(boxes(from), boxes(to), next.length);
      if (geometry) next.push({ key, ...geometry, color: labelColor(schema, labelOf(to)), label, preview });
    };
    if (linking) {
      if (linking.activeId !== null) add('preview', linking.fromId, linking.activeId, `${linking.type}?`, true);
    } else if (selectedId !== null) {
      for (const r of doc.relations) if (r.from === selectedId || r.to === selectedId) add(r.id, r.from, r.to, r.type, false);
    }
    setArcs(next);
  }, [editorRef, doc, schema, selectedId, linking, layout]);

  return (
    <svg ref={svgRef} className="cd-link-overlay" aria-hidden="true">
      {arcs.map((arc, i) => (
        <g key={arc.key} className={arc.preview ? 'cd-link-arc is-preview' : 'cd-link-arc'} style={{ color: arc.color }}>
          <marker id={`${markerId}-${i}`} viewBox="0 0 10 10" refX="7" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill={arc.color} />
          </marker>
          <path d={arc.d} className="cd-link-arc-halo" />
          <path d={arc.d} className="cd-link-arc-line" markerEnd={`url(#${markerId}-${i})`} />
          <text
            x={arc.lx}
            y={arc.ly}
            className="cd-link-arc-label"
            textAnchor="middle"
            transform={arc.vertical ? `rotate(-90 ${arc.lx} ${arc.ly})` : undefined}
          >
            {arc.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** How far left of the text the gutter route runs, and how far apart parallel routes are. */
const GUTTER_X = -14;
const GUTTER_STEP = 7;
const CORNER = 6;

/**
 * An arc between the closest pair of line boxes of the two ends. On one line: an arch over
 * the line, from the facing end of the start to the middle of the end, labelled at its top.
 * On different lines: a route through the left margin that runs in the gaps between lines,
 * never through text: down from the start's left end, out to the margin, along it, and back
 * in under the end, pointing up at it; labelled along the margin.
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
    const top = y - Math.min(30, 14 + Math.abs(bx - ax) * 0.06);
    // The midpoint of this cubic is 3/4 of the way up to its control points.
    return { d: `M ${ax} ${y} C ${ax} ${top}, ${bx} ${top}, ${bx} ${y}`, lx: (ax + bx) / 2, ly: y + (3 * (top - y)) / 4 - 5, vertical: false };
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
  return { d, lx: g - 4, ly: (y1 + y2) / 2, vertical: true };
}

/**
 * Windowing for a long list of fixed-height rows: only the rows in view (plus a margin) are
 * rendered, so a list of thousands of documents costs the same as a list of twenty. The
 * scroll container gets `ref` and `onScroll`; rows are placed at `index * rowHeight`.
 * The state is kept in rows, not pixels, so a scroll or a resize within a row renders nothing;
 * the viewport's height comes from a ResizeObserver (after layout), never read during a render
 * or a layout effect (reading it there forced a layout of the whole window, #14).
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

export type WindowedList = Readonly<{
  ref: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLElement>) => void;
  /** First rendered index (inclusive). */
  first: number;
  /** Last rendered index (exclusive). */
  last: number;
  totalHeight: number;
  /** Scrolls just enough to show row `index`. */
  scrollToIndex: (index: number) => void;
}>;

/** The viewport height assumed until the list has been laid out (the overscan covers a taller one). */
const ASSUMED_HEIGHT = 800;

/**
 * @param count number of rows
 * @param rowHeight height of every row in CSS pixels
 * @param overscan rows rendered beyond each edge of the viewport
 */
export function useWindowedList(count: number, rowHeight: number, overscan = 8): WindowedList {
  const ref = useRef<HTMLDivElement>(null);
  const [topRow, setTopRow] = useState(0);
  const [rowsInView, setRowsInView] = useState(() => Math.ceil(ASSUMED_HEIGHT / rowHeight));

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The first notice comes once the list has been laid out, so reading its height then costs nothing.
    const observer = new ResizeObserver(() => setRowsInView(Math.ceil(el.clientHeight / rowHeight)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [rowHeight]);

  const onScroll = useCallback((event: UIEvent<HTMLElement>) => setTopRow(Math.floor(event.currentTarget.scrollTop / rowHeight)), [rowHeight]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [rowHeight],
  );

  const first = Math.max(0, topRow - overscan);
  // A viewport starting inside row `topRow` reaches at most into row topRow + rowsInView.
  const last = Math.min(count, topRow + rowsInView + 1 + overscan);
  return { ref, onScroll, first, last, totalHeight: count * rowHeight, scrollToIndex };
}

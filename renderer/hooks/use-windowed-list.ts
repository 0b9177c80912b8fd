/**
 * Windowing for a long list of fixed-height rows: only the rows in view (plus a margin) are
 * rendered, so a list of thousands of documents costs the same as a list of twenty. The
 * scroll container gets `ref` and `onScroll`; rows are placed at `index * rowHeight`.
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

/**
 * @param count number of rows
 * @param rowHeight height of every row in CSS pixels
 * @param overscan rows rendered beyond each edge of the viewport
 */
export function useWindowedList(count: number, rowHeight: number, overscan = 8): WindowedList {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop), []);

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

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { ref, onScroll, first, last, totalHeight: count * rowHeight, scrollToIndex };
}

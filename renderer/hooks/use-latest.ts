/**
 * Keeps the latest value of a prop or callback in a ref, so long-lived effects (polling,
 * window listeners) can call the current callback without re-subscribing on every render.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * @returns a ref whose `current` is `value` as of the last commit
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

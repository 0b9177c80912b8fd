/**
 * A value that follows another only once the frame showing the change is painted (#14): what a
 * panel shows of the document an analyst just opened waits until the article is on screen, so
 * the panel's render never holds back the article's frame; later values for the same key (an
 * edit of the open document) show at once, so a control never snaps back to its old value.
 */
import { useEffect, useRef, useState } from 'react';
import { afterNextPaint } from '../util/next-task';

/**
 * @param key what the value belongs to (the open session): a new key waits for the paint
 * @param value the current value
 * @returns `value`, or while a new key waits for the paint, the previous key's last value (as last shown)
 */
export function useAfterPaint<K, V>(key: K, value: V): V {
  const [shownKey, setShownKey] = useState(key);
  // The last value shown for the shown key, edits included: what stays on screen while a new key waits.
  const lastShown = useRef(value);
  const isWaiting = shownKey !== key;
  useEffect(() => {
    if (!isWaiting) lastShown.current = value;
  });
  useEffect(() => (isWaiting ? afterNextPaint(() => setShownKey(key)) : undefined), [isWaiting, key]);
  return isWaiting ? lastShown.current : value;
}

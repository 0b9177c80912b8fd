/**
 * A value that follows another only once the frame showing the change is painted (#14): what a
 * panel shows of the document an analyst just opened waits until the article is on screen, so
 * the panel's render never holds back the article's frame; later values for the same key (an
 * edit of the open document) show at once, so a control never snaps back to its old value.
 */
import { useEffect, useState } from 'react';
import { afterNextPaint } from '../util/next-task';

/**
 * @param key what the value belongs to (the open session): a new key waits for the paint
 * @param value the current value
 * @returns `value`, or while a new key waits for the paint, the last value of the previous key
 */
export function useAfterPaint<K, V>(key: K, value: V): V {
  const [shown, setShown] = useState({ key, value });
  const isWaiting = shown.key !== key;
  useEffect(() => (isWaiting ? afterNextPaint(() => setShown({ key, value })) : undefined), [isWaiting, key, value]);
  return isWaiting ? shown.value : value;
}

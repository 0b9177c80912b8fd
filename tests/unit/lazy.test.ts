/**
 * shared/lazy.ts: the value is made on the first call, not when wrapped, and only once,
 * whatever it is (undefined included).
 */
import { describe, expect, it } from 'vitest';
import { lazy } from '../../shared/lazy';

describe('lazy', () => {
  it('makes nothing until the first call, then makes the value once and returns it every time', () => {
    const made: object[] = [];
    const get = lazy(() => {
      const value = {};
      made.push(value);
      return value;
    });
    expect(made).toHaveLength(0);
    const first = get();
    expect(get()).toBe(first);
    expect(made).toEqual([first]);
  });

  it('keeps a value that is undefined instead of making it again', () => {
    let calls = 0;
    const get = lazy(() => {
      calls += 1;
      return undefined;
    });
    get();
    get();
    expect(calls).toBe(1);
  });
});

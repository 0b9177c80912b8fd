/**
 * Long work in the services (importing a 20 MB article, writing its file) gives the event
 * loop a turn now and then, so that the process running it (the Electron main process or the
 * browser host) keeps answering other calls meanwhile. Plain Node; no work of its own.
 */
import { performance } from 'node:perf_hooks';

/** How long a stretch of work may hold the event loop before it yields. */
const SLICE_MS = 10;

/** A point where long work may yield: resolves at once while the current slice is short. */
export type Pause = () => Promise<void>;

/** @returns a pause that yields (one setImmediate turn) once SLICE_MS of work have passed since the last yield */
export function timeSlicer(): Pause {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** A pause that never yields, for callers whose work is small or must stay in one piece. */
export const noPause: Pause = async () => undefined;

/**
 * JSON.stringify(value, null, 2), byte for byte, built in pieces with pauses: the top-level
 * object's arrays element by element and its long strings in slices of `stringSlice` characters. Objects must not be
 * changed while this runs (the workspace replaces data, it never edits it in place).
 */
export async function stringifyJson(value: unknown, pause: Pause, stringSlice = STRING_SLICE): Promise<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value, null, 2);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) return '{}';
  const parts: string[] = ['{'];
  for (const [i, [key, v]] of entries.entries()) {
    parts.push(i === 0 ? '\n  ' : ',\n  ', JSON.stringify(key), ': ');
    if (Array.isArray(v) && v.length > 0) {
      parts.push('[');
      for (let j = 0; j < v.length; j++) {
        parts.push(j === 0 ? '\n    ' : ',\n    ', (JSON.stringify(v[j], null, 2) ?? 'null').replaceAll('\n', '\n    '));
        if (j % 256 === 255) await pause();
      }
      parts.push('\n  ]');
    } else if (typeof v === 'string' && v.length > stringSlice) {
      parts.push('"');
      for (let at = 0; at < v.length; ) {
        let end = Math.min(at + stringSlice, v.length);
        // Never cut a surrogate pair: a lone half would be escaped differently.
        if (end < v.length && isHighSurrogate(v.charCodeAt(end - 1))) end -= 1;
        parts.push(JSON.stringify(v.slice(at, end)).slice(1, -1));
        at = end;
        await pause();
      }
      parts.push('"');
    } else {
      parts.push(JSON.stringify(v, null, 2).replaceAll('\n', '\n  '));
    }
    await pause();
  }
  parts.push('\n}');
  return parts.join('');
}

/** Characters of a long string stringified at once. */
const STRING_SLICE = 1 << 20;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Offsets in Unicode code points (as Python, spaCy, Hugging Face and brat count) from and to
 * UTF-16 code units (as JavaScript and ProseMirror count). Only surrogate pairs differ; a map
 * built once per text answers each conversion in O(log n) for texts with astral characters
 * and in O(1) for those without.
 */

/** Converts offsets for one text. */
export type OffsetMap = Readonly<{
  /** @throws RangeError for an offset outside [0, text.length] or inside a surrogate pair */
  codePointFromUtf16: (offset: number) => number;
  /** @throws RangeError for an offset outside [0, code point length] */
  utf16FromCodePoint: (offset: number) => number;
  codePointLength: number;
}>;

/**
 * Builds the offset map of a text.
 * @returns conversions valid for exactly this text
 */
export function offsetMap(text: string): OffsetMap {
  // UTF-16 offsets of the low halves of surrogate pairs, ascending: each one shifts later offsets by one.
  const lows: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) lows.push(++i);
    }
  }
  const codePointLength = text.length - lows.length;
  /** How many entries of `lows` are < limit. */
  const countBelow = (limit: number): number => {
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid]! < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    codePointLength,
    codePointFromUtf16(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > text.length)
        throw new RangeError(`UTF-16 offset ${offset} is outside [0, ${text.length}]`);
      if (lows.length === 0) return offset;
      const below = countBelow(offset + 1);
      if (below > 0 && lows[below - 1] === offset) throw new RangeError(`UTF-16 offset ${offset} splits a surrogate pair`);
      return offset - below;
    },
    utf16FromCodePoint(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > codePointLength)
        throw new RangeError(`code point offset ${offset} is outside [0, ${codePointLength}]`);
      if (lows.length === 0) return offset;
      // Smallest u16 with u16 - countBelow(u16 + 1) == offset: each pair before it adds one.
      let lo = 0;
      let hi = lows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        // lows[mid] - mid - 1 is the code point offset of the pair whose low half is lows[mid].
        if (lows[mid]! - mid - 1 < offset) lo = mid + 1;
        else hi = mid;
      }
      return offset + lo;
    },
  };
}

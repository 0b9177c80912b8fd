/**
 * Quoting a piece of text on one line, cut to a length, for messages and the chrome. Pure.
 */

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

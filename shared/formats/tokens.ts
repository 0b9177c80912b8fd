/**
 * Tokens for the token-based export formats (CoNLL, Hugging Face, spaCy) and the one place
 * spans are aligned to them: which tokens a span covers, whether its edges fall on token
 * boundaries, how overlapping spans are spread over layers, and where sentences may break.
 * The tokenizer itself is injected (the exports use icu-tokenizer.ts; tests may use SIMPLE_TOKENIZER).
 * Offsets here are UTF-16 code units into the document text; serializers convert on output.
 */
import { offsetMap, type OffsetMap } from '../anchoring/code-points';
import type { Annotation } from '../model/types';
import { problemAt, type ExportProblem } from './report';

/** One token: `text === docText.slice(start, end)`, never empty, never containing whitespace. */
export type Token = Readonly<{
  text: string;
  start: number;
  end: number;
  /** True when whitespace follows the token (spaCy's `ws`). */
  ws: boolean;
}>;

/** A text cut into tokens, and the token indices at which sentences start (ascending, first is 0). */
export type Tokenization = Readonly<{ tokens: readonly Token[]; sentenceStarts: readonly number[] }>;

/** A tokenizer: its name and version (written into every token format's output) and the function. */
export type Tokenizer = Readonly<{ name: string; tokenize: (text: string) => Tokenization }>;

/** The tokens a span covers, first and last inclusive. */
export type TokenRange = Readonly<{ first: number; last: number }>;

/** A span placed on tokens; `layer` 0 holds the outermost spans, deeper layers the ones they overlap. */
export type AlignedSpan = Readonly<{ annotation: Annotation; range: TokenRange; exact: boolean; layer: number }>;

/** A document's tokens with its spans placed on them (spans that cover no token are left out and reported). */
export type AlignedDocument = Readonly<{
  tokens: readonly Token[];
  spans: readonly AlignedSpan[];
  /** [first, end) token ranges of the segments to write: sentences, merged where a span crosses a break. */
  segments: readonly (readonly [number, number])[];
  layerCount: number;
  offsets: OffsetMap;
  problems: readonly ExportProblem[];
}>;

/**
 * Places a span on tokens: the first token that ends after its start to the last token that
 * starts before its end (so a span that cuts a token is widened to the whole token).
 * @returns the range and whether both edges are token boundaries, or null when no token is touched
 */
export function alignSpan(tokens: readonly Token[], start: number, end: number): { range: TokenRange; exact: boolean } | null {
  // Binary search: first token whose end > start.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  if (first >= tokens.length || tokens[first]!.start >= end) return null;
  hi = tokens.length;
  lo = first;
  // Last token whose start < end.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  return { range: { first, last }, exact: tokens[first]!.start === start && tokens[last]!.end === end };
}

/**
 * Spreads token ranges over layers so that no two ranges in one layer share a token: ranges in
 * order of first token (longer first), each into the lowest layer that is free there.
 * @returns the layer of each range, by input index
 */
export function assignLayers(ranges: readonly TokenRange[]): number[] {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.first - ranges[b]!.first || ranges[b]!.last - ranges[a]!.last || a - b);
  const layerEnds: number[] = []; // last token used in each layer
  const layers = new Array<number>(ranges.length).fill(0);
  for (const i of order) {
    const r = ranges[i]!;
    let layer = layerEnds.findIndex((last) => last < r.first);
    if (layer === -1) layer = layerEnds.push(r.last) - 1;
    else layerEnds[layer] = r.last;
    layers[i] = layer;
  }
  return layers;
}

/**
 * The sentence segments of a tokenization, with every break that falls inside a span removed
 * so that no span is cut in two (a tag sequence may then never start with I-).
 * @returns [first, end) token ranges covering all tokens, in order
 */
export function segmentsOf(tokenCount: number, sentenceStarts: readonly number[], ranges: readonly TokenRange[]): [number, number][] {
  // inside[i] > 0 when some range covers both token i-1 and token i.
  const delta = new Int32Array(tokenCount + 2);
  for (const r of ranges) {
    if (r.last <= r.first) continue;
    delta[r.first + 1]! += 1;
    delta[r.last + 1]! -= 1;
  }
  const breaks: number[] = [];
  let depth = 0;
  let s = 0;
  for (let i = 0; i <= tokenCount; i++) {
    depth += delta[i]!;
    while (s < sentenceStarts.length && sentenceStarts[s]! < i) s++;
    if (i > 0 && i < tokenCount && sentenceStarts[s] === i && depth === 0) breaks.push(i);
  }
  const segments: [number, number][] = [];
  let from = 0;
  for (const b of [...breaks, tokenCount]) {
    if (b > from) segments.push([from, b]);
    from = b;
  }
  return segments;
}

/**
 * Tokenizes a document and aligns its spans: the shared first step of every token format.
 * Spans that cut a token are widened to whole tokens and reported as misaligned; spans that
 * touch no token (only whitespace) are left out and reported.
 * @param text the document text
 * @param docId names the document in problems
 * @param annotations the spans to place (already filtered to the export's labels)
 */
export function alignDocument(text: string, docId: string, annotations: readonly Annotation[], tokenizer: Tokenizer): AlignedDocument {
  const { tokens, sentenceStarts } = tokenizer.tokenize(text);
  const offsets = offsetMap(text);
  const problems: ExportProblem[] = [];
  const placed: { annotation: Annotation; range: TokenRange; exact: boolean }[] = [];
  for (const a of annotations) {
    const aligned = alignSpan(tokens, a.start, a.end);
    if (!aligned) {
      problems.push(problemAt(docId, a, offsets, 'no_tokens', 'the span covers no token; it is left out'));
      continue;
    }
    if (!aligned.exact) {
      const from = offsets.codePointFromUtf16(tokens[aligned.range.first]!.start);
      const to = offsets.codePointFromUtf16(tokens[aligned.range.last]!.end);
      problems.push(
        problemAt(docId, a, offsets, 'misaligned', `the span does not start and end on token boundaries; written as the tokens [${from}, ${to})`),
      );
    }
    placed.push({ annotation: a, range: aligned.range, exact: aligned.exact });
  }
  const layers = assignLayers(placed.map((p) => p.range));
  const spans = placed.map((p, i) => ({ annotation: p.annotation, range: p.range, exact: p.exact, layer: layers[i]! }));
  return {
    tokens,
    spans,
    segments: segmentsOf(
      tokens.length,
      sentenceStarts,
      placed.map((p) => p.range),
    ),
    layerCount: layers.reduce((max, l) => Math.max(max, l + 1), spans.length > 0 ? 1 : 0),
    offsets,
    problems,
  };
}

/**
 * The IOB2 tag name of a label: `B-Claim`, `I-Source`. The schema's spelling is kept (#12), so a
 * model's predictions map back onto the labels; whitespace becomes `_`, since column readers split
 * lines on it.
 */
export function iobTag(prefix: 'B' | 'I', label: string): string {
  return `${prefix}-${label.replace(/\s+/g, '_')}`;
}

/**
 * IOB2 tags for one layer of a document: B- on a span's first token, I- on the rest, O elsewhere.
 * Ranges in one layer never share a token (see assignLayers), so no I-X follows O or I-Y.
 * @returns one tag per token
 */
export function iobTags(tokenCount: number, spans: readonly AlignedSpan[], layer: number): string[] {
  const tags = new Array<string>(tokenCount).fill('O');
  const names = new Map<string, readonly [string, string]>();
  for (const s of spans) {
    if (s.layer !== layer) continue;
    const label = s.annotation.label;
    let name = names.get(label);
    if (!name) names.set(label, (name = [iobTag('B', label), iobTag('I', label)]));
    tags[s.range.first] = name[0];
    for (let i = s.range.first + 1; i <= s.range.last; i++) tags[i] = name[1];
  }
  return tags;
}

const SPACE = /\s/u;

/** True when a UTF-16 code unit is whitespace as /\s/u has it (ASCII answered without a regex). */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(String.fromCharCode(code));
}

/** True when a string holds whitespace anywhere. */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Builds a Tokenization from raw tokenizer output: tokens given as strings in text order with
 * the text between them skipped. Used by tokenizer adapters; splits any token that contains
 * whitespace and drops whitespace-only ones, so the Token invariants hold whatever the library does.
 * @param pieces the token strings in order, each found in `text` at or after the previous one's end
 * @param sentenceFirstPiece the piece index at which each sentence starts
 * @throws RangeError when a piece is not found in the text in order
 */
export function tokensFromPieces(text: string, pieces: readonly string[], sentenceFirstPiece: readonly number[]): Tokenization {
  const tokens: Token[] = [];
  const firstTokenOfPiece: number[] = [];
  let at = 0;
  const push = (token: string, s: number): void => {
    const e = s + token.length;
    tokens.push({ text: token, start: s, end: e, ws: e < text.length && isSpace(text.charCodeAt(e)) });
  };
  for (const piece of pieces) {
    firstTokenOfPiece.push(tokens.length);
    const start = text.startsWith(piece, at) ? at : text.indexOf(piece, at);
    if (start === -1) throw new RangeError(`token "${piece}" not found in the text after offset ${at}`);
    at = start + piece.length;
    if (!hasSpace(piece)) {
      if (piece !== '') push(piece, start);
      continue;
    }
    const re = /\S+/gu;
    for (let m = re.exec(piece); m; m = re.exec(piece)) push(m[0], start + m.index);
  }
  firstTokenOfPiece.push(tokens.length);
  const starts = new Set<number>([0]);
  for (const p of sentenceFirstPiece) {
    const t = firstTokenOfPiece[p];
    if (t !== undefined && t < tokens.length) starts.add(t);
  }
  return { tokens, sentenceStarts: [...starts].sort((a, b) => a - b) };
}

/**
 * A dependency-free tokenizer (runs of letters/marks/digits, and every other non-space character
 * alone; a sentence ends after . ! ? or a line break). For tests and as a fallback; exports name it.
 */
export const SIMPLE_TOKENIZER: Tokenizer = {
  name: 'claimdesk-simple-tokenizer 1',
  tokenize(text) {
    const pieces: string[] = [];
    const sentenceFirst: number[] = [0];
    const re = /[\p{L}\p{M}\p{N}]+|\S/gu;
    let lastEnd = 0;
    let endsSentence = false;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if ((endsSentence || text.slice(lastEnd, m.index).includes('\n')) && pieces.length > 0) sentenceFirst.push(pieces.length);
      pieces.push(m[0]);
      endsSentence = /^[.!?]$/u.test(m[0]);
      lastEnd = m.index + m[0].length;
    }
    return tokensFromPieces(text, pieces, sentenceFirst);
  },
};

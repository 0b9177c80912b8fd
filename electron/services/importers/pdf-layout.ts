/**
 * Reading order for a PDF's text layer: positioned text runs in, block drafts out. Runs on one
 * baseline become lines (a wide horizontal gap splits them, so two columns never merge), lines
 * that repeat in the top or bottom margin of many pages (running headers, footers) and page
 * numbers there are dropped, each page is read column by column (gutters found from where the
 * lines lie; a line across a gutter, like a headline, is read where it stands), and lines become
 * paragraphs at vertical gaps and size changes; a paragraph continues across columns and pages
 * while it has not ended its sentence. Hyphenation at line ends is undone, ligatures and soft
 * hyphens normalised, larger type becomes headings. Pure: no pdf.js here (pdf.ts feeds it).
 */
import type { BlockDraft } from '../../../shared/model/blocks';
import { CONTROLS, endRtl, joinLines, normaliseRunText, resolveHyphens } from './pdf-text';

/** One run of text as pdf.js places it: PDF units, y up from the page's bottom, `size` the font's height. */
export type TextRun = Readonly<{ text: string; x: number; y: number; width: number; size: number; rtl?: boolean }>;
/** One page: its size and its runs in content-stream order. */
export type PageText = Readonly<{ width: number; height: number; runs: readonly TextRun[] }>;

type Line = { text: string; x: number; right: number; y: number; size: number; page: number };

/** The share of the page's height at its top and at its bottom where running headers and footers live. */
const MARGIN_BAND = 0.09;
/** A margin line whose text (digits aside) is on at least this share of the pages is a running header or footer. */
const REPEAT_SHARE = 0.4;
const PAGE_NUMBER = /^(?:page\s*)?[-–—(]?\s*#+\s*[-–—)]?(?:\s*(?:\/|of)\s*#+)?$/i;
const ENDS_SENTENCE = /[.!?…:;"”’»)\]]$/;
/** Type this much larger than the body's is a heading. */
const HEADING_RATIO = 1.18;

/**
 * The block drafts of a document's pages, each with the page (1-based) it starts on.
 * @returns drafts in reading order (empty when the pages have no text), and how many glyphs had no text
 */
export function draftsFromPages(pages: readonly PageText[]): { drafts: BlockDraft[]; unreadable: number } {
  const unreadable = { count: 0 };
  const perPage = pages.map((page, i) => linesOfPage(page, i + 1, unreadable));
  const running = runningLines(perPage, pages);
  const ordered = perPage.map((lines, i) =>
    readingOrder(
      lines.filter((line) => !running(line)),
      pages[i]!,
    ),
  );
  const bodySize = commonSize(ordered.flat());
  const spacing = lineSpacing(ordered, bodySize);
  return { drafts: paragraphs(ordered, bodySize, spacing), unreadable: unreadable.count };
}

/** Runs on one baseline, close together, as lines; a backwards step or a wide gap starts a new line. */
function linesOfPage(page: PageText, pageNumber: number, unreadable: { count: number }): Line[] {
  const lines: Line[] = [];
  let line: (Line & { rtl: string[] }) | null = null;
  const finish = (): void => {
    if (line === null) return;
    endRtl(line);
    lines.push(line);
  };
  const append = (target: Line & { rtl: string[] }, text: string): void => {
    if (target.rtl.length > 0) target.rtl.push(text);
    else target.text += text;
  };
  for (const run of page.runs) {
    const text = normaliseRunText(run.text);
    // Glyphs without text (no Unicode mapping in the font) come as NULs: counted, left out, yet they take their place.
    unreadable.count += run.text.match(CONTROLS)?.length ?? 0;
    if (text === '' && run.text !== '') {
      if (line !== null && Math.abs(run.y - line.y) < run.size * 0.4) line.right = Math.max(line.right, run.x + run.width);
      continue;
    }
    // A run of spaces may be as wide as a gutter (Chromium pads headers with one): it only separates words.
    if (text.trim() === '') {
      if (line !== null && text !== '') append(line, ' ');
      continue;
    }
    const size = Math.max(run.size, 1);
    const sameLine = line !== null && Math.abs(run.y - line.y) < size * 0.4 && run.x > line.right - size * 0.5 && run.x - line.right < size * 1.6;
    if (line === null || !sameLine) {
      finish();
      line = { text: '', x: run.x, right: run.x + run.width, y: run.y, size, page: pageNumber, rtl: [] };
    } else if (run.x - line.right > size * 0.12) append(line, ' ');
    if (run.rtl === true) line.rtl.push(text);
    else {
      endRtl(line);
      line.text += text;
    }
    line.right = Math.max(line.right, run.x + run.width);
    line.size = Math.max(line.size, size);
  }
  finish();
  return lines
    .map((l) => ({ text: l.text.replace(/\s+/g, ' ').trim(), x: l.x, right: l.right, y: l.y, size: l.size, page: l.page }))
    .filter((l) => l.text !== '');
}

/** A test for running headers, footers and page numbers: margin lines that repeat across pages, or are a page number. */
function runningLines(perPage: readonly Line[][], pages: readonly PageText[]): (line: Line) => boolean {
  const inBand = (line: Line): boolean => {
    const height = pages[line.page - 1]!.height;
    return line.y > height * (1 - MARGIN_BAND) || line.y < height * MARGIN_BAND;
  };
  const text = (line: Line): string => line.text.toLowerCase().replace(/\d+/g, '#');
  // Running lines sit at the same height on every page; body text that happens to repeat does not.
  const key = (line: Line): string => `${Math.round(line.y / 3)}|${text(line)}`;
  // Only a page's two outermost rows at each end can be running lines: body text repeating is not a header.
  const outer = new Set<Line>();
  for (const lines of perPage) {
    const rows = [...new Set(lines.map((l) => l.y))].sort((a, b) => b - a);
    const ends = new Set([...rows.slice(0, 2), ...rows.slice(-2)]);
    for (const line of lines) if (ends.has(line.y)) outer.add(line);
  }
  const inMargin = (line: Line): boolean => outer.has(line) && inBand(line);
  const pagesWith = new Map<string, Set<number>>();
  for (const line of perPage.flat()) {
    if (!inMargin(line)) continue;
    const seen = pagesWith.get(key(line)) ?? new Set<number>();
    seen.add(line.page);
    pagesWith.set(key(line), seen);
  }
  const minPages = Math.max(2, Math.ceil(pages.length * REPEAT_SHARE));
  return (line) => inMargin(line) && (PAGE_NUMBER.test(text(line)) || (pagesWith.get(key(line))?.size ?? 0) >= minPages);
}

/**
 * A page's lines in reading order: what is left in the top margin first, then the body column by
 * column, left to right, each top to bottom (a line that crosses a gutter, like a headline, ends
 * the columns above it), then what is left in the bottom margin.
 */
function readingOrder(lines: readonly Line[], page: PageText): Line[] {
  const { top, bottom } = marginLines(lines, page);
  return [
    ...top,
    ...bodyOrder(
      lines.filter((l) => !top.includes(l) && !bottom.includes(l)),
      page.width,
    ),
    ...bottom,
  ];
}

/**
 * Lines in the top or bottom margin band that stand apart from the body (a gap of three blank
 * lines or more, measured row to row): headers and footers that did not repeat. Body text that
 * merely runs into the band stays.
 */
function marginLines(lines: readonly Line[], page: PageText): { top: Line[]; bottom: Line[] } {
  const byY = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows = [...new Set(byY.map((l) => l.y))];
  /** The rows from one end while they stay in the band and a gap of three lines or more follows them. */
  const fromEnd = (ys: readonly number[], inBand: (y: number) => boolean): Set<number> => {
    let cut = -1;
    for (let i = 0; i < ys.length - 1 && inBand(ys[i]!); i++) if (Math.abs(ys[i]! - ys[i + 1]!) > sizeAt(ys[i]!) * 4) cut = i;
    return new Set(ys.slice(0, cut + 1));
  };
  const sizeAt = (y: number): number => Math.max(...byY.filter((l) => l.y === y).map((l) => l.size));
  const top = fromEnd(rows, (y) => y > page.height * (1 - MARGIN_BAND));
  const bottom = fromEnd([...rows].reverse(), (y) => y < page.height * MARGIN_BAND);
  return { top: byY.filter((l) => top.has(l.y)), bottom: byY.filter((l) => bottom.has(l.y) && !top.has(l.y)) };
}

function bodyOrder(lines: readonly Line[], pageWidth: number): Line[] {
  const gutters = findGutters(lines, pageWidth);
  const column = (line: Line): number => {
    let index = 0;
    for (const [left, right] of gutters) {
      // Ragged-right lines may reach into the low-coverage band; only a line across all of it spans columns.
      if (line.x < left && line.right > right) return -1;
      if (line.x >= (left + right) / 2) index++;
    }
    return index;
  };
  const byY = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  const ordered: Line[] = [];
  let pending: Line[] = [];
  const flush = (): void => {
    const columns = new Map<number, Line[]>();
    for (const line of pending) columns.set(column(line), [...(columns.get(column(line)) ?? []), line]);
    for (const key of [...columns.keys()].sort((a, b) => a - b)) ordered.push(...columns.get(key)!);
    pending = [];
  };
  for (const line of byY) {
    if (column(line) === -1) {
      flush();
      ordered.push(line);
    } else pending.push(line);
  }
  flush();
  return ordered;
}

/**
 * Vertical bands in the middle of the page that almost no line covers, with several lines
 * wholly on each side: the gutters between columns.
 */
function findGutters(lines: readonly Line[], pageWidth: number): [number, number][] {
  if (lines.length < 6) return [];
  const binWidth = 2;
  const bins = new Array<number>(Math.ceil(pageWidth / binWidth) + 1).fill(0);
  for (const line of lines)
    for (let b = Math.max(0, Math.floor(line.x / binWidth)); b <= Math.min(bins.length - 1, Math.floor(line.right / binWidth)); b++) bins[b]! += 1;
  const lowest = Math.max(1, lines.length * 0.08);
  const gutters: [number, number][] = [];
  let start = -1;
  for (let b = 0; b < bins.length; b++) {
    const x = b * binWidth;
    const isLow = bins[b]! <= lowest && x > pageWidth * 0.2 && x < pageWidth * 0.8;
    if (isLow && start === -1) start = x;
    if ((!isLow || b === bins.length - 1) && start !== -1) {
      const [left, right] = [start, x];
      const leftLines = lines.filter((l) => l.right <= left + binWidth).length;
      const rightLines = lines.filter((l) => l.x >= right - binWidth).length;
      if (right - left >= 6 && leftLines >= 3 && rightLines >= 3) gutters.push([left, right]);
      start = -1;
    }
  }
  return gutters;
}

/** The body text's size: the size that most characters have. */
function commonSize(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(Math.round(line.size), (chars.get(Math.round(line.size)) ?? 0) + line.text.length);
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/**
 * The usual distance between consecutive lines of body text: a low percentile of the small
 * positive steps (line steps outnumber paragraph gaps). A text of a few one-line paragraphs has
 * hardly any line steps to measure: there it is at most a single-spaced line (1.3 times the type).
 */
function lineSpacing(ordered: readonly Line[][], bodySize: number): number {
  const steps: number[] = [];
  for (const lines of ordered)
    for (let i = 1; i < lines.length; i++) {
      const step = lines[i - 1]!.y - lines[i]!.y;
      if (step > 0 && step < lines[i]!.size * 3) steps.push(step);
    }
  steps.sort((a, b) => a - b);
  const measured = steps[Math.floor((steps.length - 1) * 0.3)] ?? bodySize * 1.3;
  return steps.length >= 8 ? measured : Math.min(measured, bodySize * 1.3);
}

/** Lines to paragraphs and headings; a paragraph left open at a column or page end continues after it. */
function paragraphs(ordered: readonly Line[][], bodySize: number, spacing: number): BlockDraft[] {
  const headingSizes = [...new Set(ordered.flat().map((l) => Math.round(l.size)))].filter((s) => s >= bodySize * HEADING_RATIO).sort((a, b) => b - a);
  const drafts: { type: 'heading' | 'paragraph'; level?: number; text: string; page: number; size: number }[] = [];
  let previous: Line | null = null;
  for (const line of ordered.flat()) {
    const size = Math.round(line.size);
    const isHeading = headingSizes.includes(size);
    const current = drafts.at(-1);
    const sameFlow = previous !== null && line.page === previous.page && line.y < previous.y && line.x < previous.right;
    // The top of the next column or page: a paragraph left open there continues (not a line beside the last one).
    const nextColumn = previous !== null && (line.page !== previous.page || line.y > previous.y + line.size * 0.5);
    const gap = previous === null ? 0 : previous.y - line.y;
    const continues =
      current !== undefined &&
      Math.abs(current.size - size) <= 1 &&
      (sameFlow ? gap <= spacing * (size / bodySize) * 1.45 : nextColumn && !isHeading && !ENDS_SENTENCE.test(current.text));
    if (continues) current.text = joinLines(current.text, line.text);
    else
      drafts.push(
        isHeading
          ? { type: 'heading', level: Math.min(6, headingSizes.indexOf(size) + 1), text: line.text, page: line.page, size }
          : { type: 'paragraph', text: line.text, page: line.page, size },
      );
    previous = line;
  }
  // NFC: some PDFs write accented letters as a letter and a combining mark.
  const texts = resolveHyphens(drafts.map((d) => d.text.replace(/\u00ad/g, '').normalize('NFC')));
  return drafts.map(({ type, level, page }, i) => ({ type, ...(level === undefined ? {} : { level }), text: texts[i]!, page }));
}

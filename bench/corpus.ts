/**
 * The workbench benchmark's corpus, generated deterministically (seeded) from the sample
 * articles: the samples are imported with the real importers, and each generated document is
 * a title heading followed by sample blocks drawn at random until it reaches its size. Spans
 * sit on word boundaries inside one block, cover every label of the default schema, about 10%
 * overlap another span (crossing or nested), and about half the claims are linked to a source.
 * Also builds the lower-bound HTML (paragraphs with flat <mark> segments) for a document.
 * Must not depend on the renderer: it runs in Node.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultAuthor } from '../electron/services/app-paths';
import { Workspace } from '../electron/services/workspace';
import { seededRandom } from '../shared/formats/split';
import { syntheticAnnotation } from '../tests/fixtures/export/generate';
import type { Annotation, Block, DocumentData, Relation } from '../shared/model/types';

const TIME = '2025-01-01T00:00:00.000Z';
const ROOT = join(import.meta.dirname, '..');

/** A sample article as imported: its title, text and blocks. */
export type Sample = Readonly<{ title: string; text: string; blocks: readonly Block[] }>;

/** Labels and their share of the spans (every label of the default schema). */
const LABELS: readonly (readonly [string, number])[] = [
  ['Claim', 0.3],
  ['Source', 0.25],
  ['Cue', 0.15],
  ['Evidence', 0.1],
  ['Entity', 0.2],
];

/**
 * Imports the sample articles with the real importers into a throw-away workspace.
 * @returns the samples in file-name order
 */
export async function loadSamples(): Promise<Sample[]> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bench-samples-'));
  try {
    const ws = await Workspace.open(dir);
    try {
      const report = await ws.importPaths([join(ROOT, 'samples')]);
      const docs = await Promise.all(report.imported.map((e) => ws.openDocument(e.row.id, defaultAuthor())));
      return docs.sort((a, b) => a.meta.sourceName.localeCompare(b.meta.sourceName)).map((d) => ({ title: d.title, text: d.text, blocks: d.blocks }));
    } finally {
      await ws.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What to generate for one document. */
export type DocumentSpec = Readonly<{
  index: number;
  seed: number;
  bytes: number;
  annotations: number;
  title?: string;
  /** Makes another document (id, source name and hash) of the same generated text and spans. */
  variant?: string;
}>;

/**
 * A generated document.
 * @returns a document whose spans all match their quotes, annotations in the store's order
 */
export function generateBenchDocument(samples: readonly Sample[], spec: DocumentSpec): DocumentData {
  const random = seededRandom(spec.seed * 1_000_003 + spec.index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const title = spec.title ?? `${pick(samples).title} ${String(spec.index).padStart(4, '0')}`;
  let text = title;
  const blocks: Block[] = [{ type: 'heading', level: 1, start: 0, end: title.length }];
  while (text.length < spec.bytes) {
    const sample = pick(samples);
    const block = pick(sample.blocks.filter((b) => b.type !== 'heading'));
    const content = sample.text.slice(block.start, block.end);
    const start = text.length + 2;
    text += `\n\n${content}`;
    blocks.push({ type: block.type, start, end: start + content.length });
  }

  // Words of each body block, as [start, end) offsets.
  const words: [number, number][][] = blocks
    .slice(1)
    .map((b) =>
      [...text.slice(b.start, b.end).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map(
        (m) => [b.start + m.index, b.start + m.index + m[0].length] as [number, number],
      ),
    );
  const allWords = words.flatMap((ws, bi) => ws.map((w, wi) => ({ bi, wi, w })));
  const overlapping = Math.round(spec.annotations * 0.1);
  const base = spec.annotations - overlapping;
  const annotations: Annotation[] = [];
  const labelOf = () => {
    let r = random();
    for (const [name, share] of LABELS) if ((r -= share) < 0) return name;
    return 'Entity';
  };
  const add = (start: number, end: number, label: string) => {
    const id = `b${spec.index}-${annotations.length}`;
    annotations.push(syntheticAnnotation(id, label, text, start, end, random));
  };
  // Non-overlapping spans, spread evenly over the words; each stays inside its block.
  const stride = allWords.length / base;
  let lastEnd = 0;
  for (let k = 0; k < base; k++) {
    const at = allWords[Math.floor(k * stride)];
    if (!at) break;
    const blockWords = words[at.bi]!;
    const length = 1 + Math.floor(random() * Math.min(5, Math.max(1, stride - 1)));
    const last = blockWords[Math.min(blockWords.length - 1, at.wi + length - 1)]!;
    const start = Math.max(at.w[0], lastEnd);
    if (start >= last[1]) continue;
    add(start, last[1], labelOf());
    lastEnd = last[1] + 1;
  }
  // Overlaps: a span starting inside an existing one and running past its end, or nested in it.
  const bases = annotations.slice();
  for (let k = 0; k < overlapping && bases.length > 0; k++) {
    const other = pick(bases);
    const blockWords = words.find((ws) => ws.length > 0 && ws[0]![0] <= other.start && ws[ws.length - 1]![1] >= other.end)!;
    const inside = blockWords.findIndex((w) => w[0] >= other.start);
    const after = blockWords.findIndex((w) => w[0] >= other.end);
    if (random() < 0.5 && after >= 0)
      add(
        blockWords[inside]![0] === other.start && other.quote.includes(' ') ? blockWords[inside + 1]![0] : blockWords[inside]![0],
        blockWords[Math.min(blockWords.length - 1, after + 1)]![1],
        labelOf(),
      );
    else add(other.start, blockWords[inside]![1], labelOf());
  }
  annotations.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  // Links: about half the claims to the next source after them.
  const relations: Relation[] = [];
  for (let i = 0; i < annotations.length; i++) {
    const claim = annotations[i]!;
    if (claim.label !== 'Claim' || random() >= 0.5) continue;
    const source = annotations.slice(i + 1, i + 8).find((a) => a.label === 'Source');
    if (source)
      relations.push({
        id: `r${spec.index}-${relations.length}`,
        type: 'attributed_to',
        from: claim.id,
        to: source.id,
        author: 'bench',
        createdAt: TIME,
      });
  }
  const name = `bench-${spec.seed}-${spec.index}${spec.variant === undefined ? '' : `-${spec.variant}`}`;
  return {
    id: createHash('sha256').update(name).digest('hex').slice(0, 12),
    title,
    text,
    blocks,
    meta: {
      sourcePath: `generated/${name}.txt`,
      sourceName: `${name}.txt`,
      sha256: createHash('sha256').update(`source-${name}`).digest('hex'),
      importedAt: TIME,
      format: 'txt',
      byteLength: Buffer.byteLength(text),
    },
    status: spec.index % 3 === 0 ? 'done' : 'in_progress',
    attributes: {},
    annotations,
    relations: relations.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Per block: the annotations (with a non-empty range) that have a character in it. */
function spansPerBlock(doc: Pick<DocumentData, 'blocks' | 'annotations'>): Annotation[][] {
  const out: Annotation[][] = doc.blocks.map(() => []);
  let b = 0;
  const byStart = doc.annotations.filter((a) => a.start < a.end).sort((x, y) => x.start - y.start);
  for (const a of byStart) {
    while (b < doc.blocks.length && doc.blocks[b]!.end <= a.start) b++;
    for (let i = b; i < doc.blocks.length && doc.blocks[i]!.start < a.end; i++) if (doc.blocks[i]!.end > a.start) out[i]!.push(a);
  }
  return out;
}

/** Per block: how many distinct annotations have a character in it. */
export function expectedPerBlock(doc: Pick<DocumentData, 'blocks' | 'annotations'>): number[] {
  return spansPerBlock(doc).map((spans) => spans.length);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The lower bound's markup: one element per block, its text split at every span boundary, each
 * covered segment one flat <mark> listing the annotations covering it (`data-ids`).
 */
export function lowerBoundHtml(doc: Pick<DocumentData, 'text' | 'blocks' | 'annotations'>): string {
  const out: string[] = [];
  const perBlock = spansPerBlock(doc);
  doc.blocks.forEach((block, b) => {
    const tag = block.type === 'heading' ? 'h1' : block.type === 'quote' ? 'blockquote' : 'p';
    const inBlock = perBlock[b]!;
    const cuts = new Set<number>([block.start, block.end]);
    for (const a of inBlock) {
      cuts.add(Math.max(a.start, block.start));
      cuts.add(Math.min(a.end, block.end));
    }
    const points = [...cuts].sort((x, y) => x - y);
    let html = '';
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i]!, points[i + 1]!];
      const segment = escapeHtml(doc.text.slice(s, e));
      const ids = inBlock.filter((a) => a.start <= s && a.end >= e);
      html +=
        ids.length === 0 ? segment : `<mark data-ids="${ids.map((a) => a.id).join(' ')}" class="l-${ids[ids.length - 1]!.label}">${segment}</mark>`;
    }
    out.push(`<${tag}>${html}</${tag}>`);
  });
  return out.join('');
}

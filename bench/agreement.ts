/**
 * Agreement benchmark (#11): computeAgreement over 1,000 generated documents of ~5,000 characters,
 * each with three annotators' layers of 100 spans (five labels, an attribute or two) and 50
 * relations, the annotators perturbing a shared reference (boundaries moved, labels and attribute
 * values changed, spans dropped and added, relations re-pointed). Seeded: the same data every run.
 * Budget: 2 s (the issue's, on a 2-core machine). Reports the median of 3 runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceAgreement } from '../electron/services/agreement';
import { Workspace } from '../electron/services/workspace';
import { computeAgreement } from '../shared/agreement/report';
import type { AgreementDocument, LayerContent } from '../shared/agreement/types';
import { seededRandom } from '../shared/formats/split';
import type { Annotation, Relation } from '../shared/model/types';
import type { BudgetRow } from './budget-row';
import { documentEntry, letterText, median, ownText } from './synthetic-workspace';

const DOCUMENTS = 1_000;
const TEXT_LENGTH = 5_000;
const SPANS = 100;
const RELATIONS = 50;
const ANNOTATORS = ['ann', 'bob', 'cat'] as const;
const LABELS = ['Claim', 'Source', 'Cue', 'Evidence', 'Entity'] as const;
const RUNS = 3;
const BUDGET_MS = 2_000;
const SEED = 11;

type Reference = { label: string; start: number; end: number; kind: string };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** The reference spans of a document: what a perfect annotator would tag. */
function referenceOf(random: () => number): Reference[] {
  return Array.from({ length: SPANS }, () => {
    const length = between(random, 5, 60);
    const start = between(random, 0, TEXT_LENGTH - length);
    return { label: pick(random, LABELS), start, end: start + length, kind: pick(random, ['a', 'b', 'c']) };
  });
}

/** One annotator's layer: the reference, perturbed. */
function layerOf(
  reference: readonly Reference[],
  links: readonly (readonly [number, number, string])[],
  who: string,
  random: () => number,
): LayerContent {
  const annotations = reference.map((r, i): Annotation => {
    let { start, end, label, kind } = r;
    if (random() < 0.2) start = Math.max(0, start + between(random, -4, 4));
    if (random() < 0.2) end = Math.min(TEXT_LENGTH, Math.max(start + 1, end + between(random, -4, 4)));
    if (random() < 0.05) label = pick(random, LABELS);
    if (random() < 0.15) kind = pick(random, ['a', 'b', 'c']);
    if (random() < 0.05) {
      start = between(random, 0, TEXT_LENGTH - 30);
      end = start + between(random, 5, 30);
    }
    const attributes = { kind, flag: random() < 0.5 ? true : null, tags: random() < 0.3 ? ['x', 'y'] : [] };
    return { id: `${who}-${i}`, label, start, end, quote: '', attributes, author: who, createdAt: 't0', updatedAt: 't0' };
  });
  const relations = links.map(([from, to, type], i): Relation => {
    const moved = random() < 0.1 ? between(random, 0, SPANS - 1) : to;
    return { id: `${who}-r${i}`, type, from: `${who}-${from}`, to: `${who}-${moved}`, author: who, createdAt: 't0' };
  });
  return { annotations, relations };
}

/** The generated documents (deterministic). */
export function generateAgreementDocuments(): AgreementDocument[] {
  const random = seededRandom(SEED);
  return Array.from({ length: DOCUMENTS }, (_, d) => {
    const reference = referenceOf(random);
    const links = Array.from(
      { length: RELATIONS },
      () => [between(random, 0, SPANS - 1), between(random, 0, SPANS - 1), pick(random, ['attributed_to', 'has_cue'])] as const,
    );
    const layers = Object.fromEntries(ANNOTATORS.map((who) => [who, layerOf(reference, links, who, random)]));
    return { docId: `doc${d}`, title: `Document ${d}`, textLength: TEXT_LENGTH, layers };
  });
}

/**
 * Runs the agreement benchmark.
 * @returns one row: the median time of computeAgreement over the generated documents, and its budget
 */
export async function benchAgreement(): Promise<BudgetRow[]> {
  const docs = generateAgreementDocuments();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const report = computeAgreement(docs);
    times.push(performance.now() - started);
    if (report.pairs.length !== 3 || report.perDocument.length !== DOCUMENTS)
      throw new Error('agreement bench: the report is not over 3 pairs and every document');
    // Yield between runs so that a caller's timers and I/O are not held up for the whole benchmark.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const ms = median(times);
  const name = `${DOCUMENTS} documents × ${ANNOTATORS.length} annotators × ${SPANS} spans, ${RELATIONS} relations`;
  return [
    { name: `agreement (measures): ${name}`, ms, budgetMs: BUDGET_MS },
    { name: `agreement (workspace on disk: read every layer, then measure): ${name}`, ms: await benchWorkspaceAgreement(docs), budgetMs: BUDGET_MS },
  ];
}

/**
 * The same documents as a real workspace on disk (an article and three layer files each), and the
 * time of what `claimdesk agreement` and the Agreement view do: read every layer and measure.
 * @returns the median of RUNS
 */
async function benchWorkspaceAgreement(docs: readonly AgreementDocument[]): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bench-agreement-'));
  try {
    const ws = await Workspace.open(dir, { mergeDriver: null });
    const text = letterText(seededRandom(SEED + 1), TEXT_LENGTH);
    for (const annotator of ANNOTATORS) {
      const entries = docs.map((doc, d) => {
        const { annotations, relations } = doc.layers[annotator]!;
        return documentEntry(d, ownText(text, d), { title: doc.title, status: 'done', annotations, relations });
      });
      const report = await ws.importAnnotatedDocuments(entries, { annotator, fallback: annotator });
      if (report.failed.length > 0) throw new Error(`agreement bench: ${report.failed[0]!.reason}`);
    }
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const report = await workspaceAgreement(ws, {});
      times.push(performance.now() - started);
      if (report.pairs.length !== 3) throw new Error('agreement bench: the workspace report is not over 3 pairs');
    }
    await ws.close();
    return median(times);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run directly: print the figure. A promise chain, not top-level await, so that `tsx -e` can import this file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchAgreement().then((rows) => {
    for (const row of rows) console.log(`${row.name}: ${row.ms.toFixed(0)} ms (budget ${row.budgetMs} ms)`);
  });
}

/**
 * Workspace claims benchmark (#12): listClaims (the workspace claims table's service) over a real
 * workspace on disk of 5,000 generated documents of ~3,000 characters; four in five have one
 * annotator's layer with 10 claims (attributes set or unset), 10 sources and a link from each
 * claim to a source; the rest have no claim (the layer cache lets those go unread). Seeded: the
 * same data every run. Budget: 3 s for the whole list (the window shows it in one go). Reports
 * the median of 3 runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listWorkspaceClaims } from '../electron/services/claims';
import { Workspace } from '../electron/services/workspace';
import { seededRandom } from '../shared/formats/split';
import type { Annotation, Attributes, Relation } from '../shared/model/types';
import { documentEntry, letterText, median, ownText } from './synthetic-workspace';
import type { BudgetRow } from './budget-row';

const DOCUMENTS = 5_000;
const TEXT_LENGTH = 3_000;
const CLAIMS = 10;
const RUNS = 3;
const BUDGET_MS = 3_000;
const SEED = 12;
const ANNOTATOR = 'ann';

/** One document's annotations: CLAIMS claims and as many sources, each claim linked to its source. */
function annotationsOf(text: string, d: number, random: () => number): { annotations: Annotation[]; relations: Relation[] } {
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  const slot = Math.floor(TEXT_LENGTH / (CLAIMS * 2));
  for (let i = 0; i < CLAIMS * 2; i++) {
    const start = i * slot + Math.floor(random() * 10);
    const end = start + 20 + Math.floor(random() * (slot - 40));
    const isClaim = i % 2 === 0;
    const attributes: Attributes = isClaim && random() < 0.5 ? { claim_type: 'factual', checkworthy: 'yes' } : {};
    annotations.push({
      id: `d${d}-${i}`,
      label: isClaim ? 'Claim' : 'Source',
      start,
      end,
      quote: text.slice(start, end),
      attributes,
      author: ANNOTATOR,
      createdAt: 't0',
      updatedAt: 't0',
    });
    if (!isClaim)
      relations.push({ id: `d${d}-r${i}`, type: 'attributed_to', from: `d${d}-${i - 1}`, to: `d${d}-${i}`, author: ANNOTATOR, createdAt: 't0' });
  }
  return { annotations, relations };
}

/**
 * Runs the workspace claims benchmark.
 * @returns one row: the median time of listClaims over the generated workspace, and its budget
 * @throws Error when the list does not have the claims generated
 */
export async function benchClaims(): Promise<BudgetRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bench-claims-'));
  try {
    const ws = await Workspace.open(dir, { mergeDriver: null });
    const random = seededRandom(SEED);
    const base = letterText(random, TEXT_LENGTH);
    let expected = 0;
    const entries = Array.from({ length: DOCUMENTS }, (_, d) => {
      const text = ownText(base, d);
      const hasClaims = d % 5 !== 4;
      if (hasClaims) expected += CLAIMS;
      const { annotations, relations } = hasClaims ? annotationsOf(text, d, random) : { annotations: [], relations: [] };
      return documentEntry(d, text, { title: `Document ${d}`, status: 'in_progress', annotations, relations });
    });
    const report = await ws.importAnnotatedDocuments(entries, { annotator: ANNOTATOR, fallback: ANNOTATOR });
    if (report.failed.length > 0) throw new Error(`claims bench: ${report.failed[0]!.reason}`);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const list = await listWorkspaceClaims(ws, {}, ANNOTATOR);
      times.push(performance.now() - started);
      if (list.rows.length !== expected || list.problems.length > 0) throw new Error(`claims bench: ${list.rows.length} rows, ${expected} expected`);
    }
    await ws.close();
    const ms = median(times);
    return [{ name: `listClaims: ${DOCUMENTS} documents (${expected} claims, ${DOCUMENTS / 5} without any)`, ms, budgetMs: BUDGET_MS }];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run directly: print the figure. A promise chain, not top-level await, so that `tsx -e` can import this file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchClaims().then((rows) => {
    for (const row of rows) console.log(`${row.name}: ${row.ms.toFixed(0)} ms (budget ${row.budgetMs} ms)`);
  });
}

/**
 * Export benchmark: a generated workspace of 2,000 documents with 200,000 annotations exported to
 * JSONL and to CoNLL. Each export runs in its own child process (this file bundled with esbuild,
 * run by plain node as the built CLI is) so that its peak RSS is its own.
 * Reports documents/s, MB/s (bytes written) and peak RSS against the budgets: JSONL >= 50 MB/s;
 * peak memory <= 2 x the largest document file + 150 MB. The peak RSS before the export started
 * (the code loaded and the workspace opened) is shown beside it: what the budget starts from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportDocuments } from '../electron/services/export/export';
import { Workspace } from '../electron/services/workspace';
import type { ExportFormat } from '../shared/formats/serializer';
import { WHOLE_WORKSPACE } from '../shared/formats/scope';
import { generateDocument } from '../tests/fixtures/export/generate';

/** One line of the benchmark table. */
export type Row = Readonly<{
  case: string;
  documents: number;
  annotations: number;
  mb: number;
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  peakRssMb: number;
  /** Peak RSS before the export started: loading the code and opening the workspace. */
  startRssMb: number;
  budget: string;
  ok: boolean;
}>;

const DOCUMENTS = 2_000;
const ANNOTATIONS_PER_DOCUMENT = 100;
const MB = 1024 * 1024;

/** Builds the generated workspace (through the workspace service, in batches). */
async function buildWorkspace(dir: string): Promise<void> {
  const ws = await Workspace.open(dir);
  for (let i = 0; i < DOCUMENTS; i += 100) {
    const batch = Array.from({ length: Math.min(100, DOCUMENTS - i) }, (_, k) => ({
      name: `g${i + k}`,
      doc: generateDocument(i + k, { seed: 1, annotations: ANNOTATIONS_PER_DOCUMENT, words: 700 }),
    }));
    await ws.importAnnotatedDocuments(batch, { annotator: 'bench', fallback: 'bench' });
  }
}

/** In the child: runs one export and prints its measurements as JSON. */
async function child(workspaceDir: string, format: ExportFormat, out: string): Promise<void> {
  const ws = await Workspace.open(workspaceDir);
  const startRssKb = process.resourceUsage().maxRSS;
  const started = performance.now();
  const result = await exportDocuments(ws, { format, out, scope: WHOLE_WORKSPACE, split: null, force: true });
  const seconds = (performance.now() - started) / 1000;
  const annotations = Object.values(result.after.spansPerLabel).reduce((a, b) => a + b, 0);
  process.stdout.write(
    JSON.stringify({
      seconds,
      bytes: result.bytes,
      documents: result.after.documents,
      annotations,
      startRssKb,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
}

/**
 * Runs the export benchmark.
 * @returns one row per exported format
 */
export async function runExportBench(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bench-'));
  try {
    const workspaceDir = join(dir, 'ws');
    await buildWorkspace(workspaceDir);
    let largest = 0;
    for (const f of await readdir(join(workspaceDir, 'documents')))
      largest = Math.max(largest, (await stat(join(workspaceDir, 'documents', f))).size);
    const memoryBudgetMb = (2 * largest) / MB + 150;
    // Inside node_modules, so that the bundle's external packages resolve as they do for dist/.
    const childScript = join(dirname(import.meta.dirname), 'node_modules', '.cache', 'claimdesk-bench', 'export.mjs');
    // Imported here, not at the top, so that the child (this file bundled) does not load esbuild.
    const { build } = await import('esbuild');
    await build({
      entryPoints: [import.meta.filename],
      outfile: childScript,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    const rows: Row[] = [];
    for (const format of ['jsonl', 'conll'] as const) {
      const raw = execFileSync(process.execPath, [childScript, '--child', workspaceDir, format, join(dir, `out.${format}`)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const m = JSON.parse(raw) as { seconds: number; bytes: number; documents: number; annotations: number; startRssKb: number; maxRssKb: number };
      const mbPerSecond = m.bytes / MB / m.seconds;
      const peakRssMb = m.maxRssKb / 1024;
      const speedOk = format !== 'jsonl' || mbPerSecond >= 50;
      rows.push({
        case: `export ${format}`,
        documents: m.documents,
        annotations: m.annotations,
        mb: m.bytes / MB,
        seconds: m.seconds,
        docsPerSecond: m.documents / m.seconds,
        mbPerSecond,
        peakRssMb,
        startRssMb: m.startRssKb / 1024,
        budget: `${format === 'jsonl' ? '>= 50 MB/s, ' : ''}RSS <= ${memoryBudgetMb.toFixed(0)} MB`,
        ok: speedOk && peakRssMb <= memoryBudgetMb,
      });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The rows as a plain-text table. */
export function formatBenchTable(rows: readonly Row[]): string {
  const header = ['case', 'docs', 'annotations', 'MB', 's', 'docs/s', 'MB/s', 'peak RSS MB', 'RSS before export', 'budget', 'ok'];
  const cells = rows.map((r) => [
    r.case,
    String(r.documents),
    String(r.annotations),
    r.mb.toFixed(1),
    r.seconds.toFixed(2),
    r.docsPerSecond.toFixed(0),
    r.mbPerSecond.toFixed(1),
    r.peakRssMb.toFixed(0),
    r.startRssMb.toFixed(0),
    r.budget,
    r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  return [header, ...cells]
    .map((c) =>
      c
        .map((x, i) => x.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--child');
  if (at !== -1) {
    const [workspaceDir, format, out] = process.argv.slice(at + 1) as [string, ExportFormat, string];
    await child(workspaceDir, format, out);
  } else {
    console.log(formatBenchTable(await runExportBench()));
  }
}

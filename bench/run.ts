/**
 * `npm run bench`: runs every benchmark, prints its tables and writes them to
 * bench/results/latest.md (not committed). Exits non-zero when a budget is missed or a sanity
 * check fails. `BENCH_ONLY=export|workbench|agreement|claims|extraction|suggest` runs one of them; `BENCH_RUNS=n` sets the runs per
 * workbench figure (default 5).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBenchTable, runExportBench } from './export';
import { formatWorkbenchTable, runWorkbenchBench } from './workbench';
import { benchAgreement } from './agreement';
import { benchClaims } from './claims';
import { formatExtractionTable, runExtractionBench } from './extraction/bench';
import { polnearFolder, suggestQualitySection } from './suggest/section';
import { benchSuggestSpeed } from './suggest/speed';
import type { BudgetRow } from './budget-row';

const only = process.env.BENCH_ONLY;
const sections: string[] = [`# Claimdesk benchmark\n\n${new Date().toISOString()}`];
let failed = false;

if (only === undefined || only === 'export') {
  const rows = await runExportBench();
  const table = formatBenchTable(rows);
  console.log(`${table}\n`);
  sections.push(`## Export\n\n\`\`\`\n${table}\n\`\`\``);
  failed ||= rows.some((r) => !r.ok);
}

if (only === undefined || only === 'workbench') {
  const result = await runWorkbenchBench();
  const table = formatWorkbenchTable(result);
  console.log(table);
  sections.push(`## Workbench\n\n${table}`);
  failed ||= result.failures.length > 0 || result.rows.some((r) => r.ok === false);
}

/** Prints and records a section of figures with budgets; a missed budget fails the run. */
function budgetSection(title: string, rows: readonly BudgetRow[]): void {
  const lines = [
    '| figure | measured | budget | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.budgetMs} ms | ${r.ms <= r.budgetMs ? 'ok' : 'MISSED'} |`),
  ];
  const table = lines.join('\n');
  console.log(`\n${table}`);
  sections.push(`## ${title}\n\n${table}`);
  failed ||= rows.some((r) => r.ms > r.budgetMs);
}

if (only === undefined || only === 'agreement') budgetSection('Agreement', await benchAgreement());
if (only === undefined || only === 'claims') budgetSection('Workspace claims', await benchClaims());
if (only === undefined || only === 'extraction') {
  const table = formatExtractionTable(await runExtractionBench());
  console.log(`\n${table}`);
  sections.push(`## Extraction (token F1 of the article body)\n\n${table}`);
}

if (only === undefined || only === 'suggest') {
  const quality = await suggestQualitySection(polnearFolder(process.argv.slice(2), process.env));
  console.log(`\n${quality}`);
  sections.push(`## Suggestions on PolNeAR (span and link P/R/F1)\n\n${quality}`);
  budgetSection('Suggestions speed', await benchSuggestSpeed());
}

const out = join(import.meta.dirname, 'results', 'latest.md');
await mkdir(join(import.meta.dirname, 'results'), { recursive: true });
await writeFile(out, `${sections.join('\n\n')}\n`);
console.log(`\nwritten to ${out}`);
if (failed) process.exitCode = 1;

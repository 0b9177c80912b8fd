/** `npm run bench`: runs every benchmark and prints its table (the export benchmark for now). */
import { formatBenchTable, runExportBench } from './export';

const rows = await runExportBench();
console.log(formatBenchTable(rows));
if (rows.some((r) => !r.ok)) process.exitCode = 1;

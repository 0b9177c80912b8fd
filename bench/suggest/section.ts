/**
 * The suggestions section of `npm run bench` (#15): PolNeAR's dev and test tables when the
 * corpus folder is given (`--polnear DIR` or BENCH_POLNEAR=DIR), else a plain line saying the
 * section was skipped and how to run it.
 */
import { DEFAULT_SPLITS, formatQualityTable, loadSplit, scoreSplit, splitTitle } from './quality';

/**
 * PolNeAR's folder as the command line or the environment names it.
 * @returns the folder, or undefined when neither names one
 * @throws Error when --polnear is the last argument
 */
export function polnearFolder(args: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const at = args.indexOf('--polnear');
  if (at >= 0 && args[at + 1] === undefined) throw new Error('--polnear needs a folder: --polnear DIR');
  return at >= 0 ? args[at + 1] : env.BENCH_POLNEAR || undefined;
}

/** @returns the quality tables of the default splits, or the skipped line when no folder is given */
export async function suggestQualitySection(dir: string | undefined): Promise<string> {
  if (dir === undefined)
    return 'Skipped: no PolNeAR folder given. Run `npm run bench -- --polnear DIR` or `BENCH_POLNEAR=DIR npm run bench` (DIR: a copy of networkdynamics/PolNeAR).';
  const tables: string[] = [];
  for (const name of DEFAULT_SPLITS) {
    const split = await loadSplit(dir, name);
    tables.push(formatQualityTable(splitTitle(split), scoreSplit(split)));
  }
  return tables.join('\n\n');
}

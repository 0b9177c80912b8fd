/**
 * `npm run bench:suggest -- --polnear DIR [--split dev|test|train|all-but-test]...`: the
 * suggestions engine's quality on PolNeAR (#15), one table per split (default: dev and test).
 * The corpus folder may also come from BENCH_POLNEAR. Prints figures only, never corpus text.
 */
import { DEFAULT_SPLITS, formatQualityTable, loadSplit, scoreSplit, SPLIT_CHOICES, splitTitle, type SplitChoice } from './quality';
import { polnearFolder } from './section';

/** The command line, read. */
type Options = { polnear: string; splits: SplitChoice[] };

const USAGE = `usage: npm run bench:suggest -- --polnear DIR [--split ${SPLIT_CHOICES.join('|')}]...`;

/**
 * Reads the arguments.
 * @throws Error with the usage when a flag is unknown, lacks its value or names no split
 */
function parseArgs(args: readonly string[]): Options {
  const polnear = polnearFolder(args, process.env);
  const splits: SplitChoice[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[i + 1];
    if ((flag === '--polnear' || flag === '--split') && value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === '--split') {
      if (!(SPLIT_CHOICES as readonly string[]).includes(value!)) throw new Error(`--split ${value}: not a split\n${USAGE}`);
      splits.push(value as SplitChoice);
    } else if (flag !== '--polnear') throw new Error(`${flag}: unknown argument\n${USAGE}`);
    i++;
  }
  if (polnear === undefined) throw new Error(`give PolNeAR's folder with --polnear DIR (or BENCH_POLNEAR=DIR)\n${USAGE}`);
  return { polnear, splits: splits.length > 0 ? splits : [...DEFAULT_SPLITS] };
}

try {
  const options = parseArgs(process.argv.slice(2));
  for (const name of options.splits) {
    const split = await loadSplit(options.polnear, name);
    console.log(`\n${formatQualityTable(splitTitle(split), scoreSplit(split))}`);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 2;
}

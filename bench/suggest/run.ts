/**
 * `npm run bench:suggest -- --polnear DIR [--split dev|test|train|all-but-test]... [--ablate] [--errors N]`:
 * the suggestions engine's quality on PolNeAR (#15), one table per split (default: dev and
 * test). `--ablate` adds, for dev, what each rule gained (F1 lost without it); `--errors N`
 * prints N false positives and N false negatives from TRAIN only. The corpus folder may also come
 * from BENCH_POLNEAR. Prints figures only, never dev or test text.
 */
import { ablate, engineRules, formatAblation } from './ablate';
import { formatErrors } from './errors';
import { DEFAULT_SPLITS, formatQualityTable, loadSplit, scoreSplit, SPLIT_CHOICES, splitTitle, type SplitChoice } from './quality';
import { polnearFolder } from './section';

/** The command line, read. */
type Options = { polnear: string; splits: SplitChoice[]; ablate: boolean; errors: number };

const USAGE = `usage: npm run bench:suggest -- --polnear DIR [--split ${SPLIT_CHOICES.join('|')}]... [--ablate] [--errors N]`;

/**
 * Reads the arguments.
 * @throws Error with the usage when a flag is unknown, lacks its value or names no split
 */
function parseArgs(args: readonly string[]): Options {
  const polnear = polnearFolder(args, process.env);
  const options: Options = { polnear: polnear ?? '', splits: [], ablate: false, errors: 0 };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (flag === '--ablate') {
      options.ablate = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === '--split') {
      if (!(SPLIT_CHOICES as readonly string[]).includes(value)) throw new Error(`--split ${value}: not a split\n${USAGE}`);
      options.splits.push(value as SplitChoice);
    } else if (flag === '--errors') {
      if (!/^[1-9]\d*$/.test(value)) throw new Error(`--errors ${value}: give how many errors of each kind to print (a whole number)\n${USAGE}`);
      options.errors = Number(value);
    } else if (flag !== '--polnear') throw new Error(`${flag}: unknown argument\n${USAGE}`);
  }
  if (polnear === undefined) throw new Error(`give PolNeAR's folder with --polnear DIR (or BENCH_POLNEAR=DIR)\n${USAGE}`);
  if (options.splits.length === 0 && options.errors === 0 && !options.ablate) options.splits = [...DEFAULT_SPLITS];
  return options;
}

try {
  const options = parseArgs(process.argv.slice(2));
  for (const name of options.splits) {
    const split = await loadSplit(options.polnear, name);
    console.log(`\n${formatQualityTable(splitTitle(split), scoreSplit(split))}`);
  }
  if (options.ablate) {
    // Always dev: what a rule gains is measured where the engine is tuned, never on test.
    const dev = await loadSplit(options.polnear, 'dev');
    console.log(`\n${formatAblation(splitTitle(dev), ablate(dev, engineRules()))}`);
  }
  // Always train: dev and test text must not be read while the engine is tuned.
  if (options.errors > 0) console.log(`\n${formatErrors((await loadSplit(options.polnear, 'train')).articles, options.errors)}`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 2;
}

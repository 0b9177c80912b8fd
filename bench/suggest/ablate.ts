/**
 * Ablations (`--ablate`): the engine run over a split once with every rule, then once per rule of its RULES
 * with that rule disabled (SuggestInput.disabledRules); the loss in overall span F1 and link F1
 * (overlap matching) is what the rule gained there. Figures only, never corpus text.
 */
import { RULES } from '../../shared/suggest/engine';
import { prf } from './score';
import { scoreSplit, type LoadedSplit } from './quality';

/** A rule as the engine describes it. */
export type RuleInfo = Readonly<{ name: string; about: string }>;

/** Span and link F1 (overlap) of one run. */
type F1s = Readonly<{ span: number; link: number }>;

/** The whole ablation: every rule on, then each rule off. */
export type Ablation = Readonly<{ full: F1s; rows: readonly Readonly<{ rule: RuleInfo; without: F1s }>[] }>;

const f1s = (split: LoadedSplit, disabled?: ReadonlySet<string>): F1s => {
  const c = scoreSplit(split, disabled).overlap;
  return { span: prf(c.spans.all).f1, link: prf(c.links.all).f1 };
};

/** Runs the split with all rules and once without each of `rules`. */
export function ablate(split: LoadedSplit, rules: readonly RuleInfo[]): Ablation {
  return { full: f1s(split), rows: rules.map((rule) => ({ rule, without: f1s(split, new Set([rule.name])) })) };
}

/** A gain to three places, signed; one that rounds to nothing shows as 0.000 (no "−0.000"). */
const signed = (x: number): string => {
  const shown = Math.abs(x).toFixed(3);
  return shown === '0.000' ? shown : `${x > 0 ? '+' : '−'}${shown}`;
};

/** The markdown table: per rule, F1 without it and what it gained (full minus without), rules that gain most first. */
export function formatAblation(title: string, a: Ablation): string {
  const gain = (r: Ablation['rows'][number]) => a.full.span - r.without.span;
  const rows = [...a.rows].sort((x, y) => gain(y) - gain(x) || x.rule.name.localeCompare(y.rule.name));
  return [
    `| ${title}: rule disabled | span F1 without | span F1 gained | link F1 without | link F1 gained | what it does |`,
    '|---|---|---|---|---|---|',
    `| (none: all rules) | ${a.full.span.toFixed(3)} | | ${a.full.link.toFixed(3)} | | |`,
    ...rows.map(
      (r) =>
        `| ${r.rule.name} | ${r.without.span.toFixed(3)} | ${signed(a.full.span - r.without.span)} | ${r.without.link.toFixed(3)} | ${signed(a.full.link - r.without.link)} | ${r.rule.about} |`,
    ),
  ].join('\n');
}

/** The engine's rules (RULES), in its order. */
export const engineRules = (): RuleInfo[] => Object.entries(RULES).map(([name, about]) => ({ name, about }));

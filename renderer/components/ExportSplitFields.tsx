/**
 * The Splits fieldset of the export dialog: the train/dev/test switch and, when on, the ratios,
 * the seed, stratification and the problem with them.
 */
import { SPLIT_NAMES } from '../../shared/formats/report';
import type { ExportOptions, SplitIssue } from './export-options';

const SPLIT_TITLES = { train: 'Train', dev: 'Dev', test: 'Test' } as const;

export type ExportSplitFieldsProps = Readonly<{
  options: ExportOptions;
  /** What is wrong with the fields, or null. */
  problem: SplitIssue | null;
  /** Builds a DOM id for a field (unique per dialog). */
  idOf: (field: string) => string;
  onChange: (change: Partial<ExportOptions>) => void;
}>;

/** Renders the fieldset. */
export function ExportSplitFields({ options, problem, idOf, onChange }: ExportSplitFieldsProps) {
  const { isSplit, ratios, seed, stratify } = options;
  return (
    <fieldset className="cd-export-fieldset">
      <legend className="cd-field-label cd-export-legend">Splits</legend>
      <label className="cd-export-check">
        <input type="checkbox" checked={isSplit} onChange={(e) => onChange({ isSplit: e.target.checked })} />
        <span>Split into train/dev/test</span>
      </label>
      {isSplit && (
        <div className="cd-export-split">
          {SPLIT_NAMES.map((s) => (
            <div key={s} className="cd-export-split-field">
              <label className="cd-field-label" htmlFor={idOf(`ratio-${s}`)}>
                {SPLIT_TITLES[s]}
              </label>
              <input
                id={idOf(`ratio-${s}`)}
                className="cd-input"
                type="number"
                min={0}
                inputMode="decimal"
                value={ratios[s]}
                aria-invalid={problem?.fields.includes(s) === true}
                onChange={(e) => onChange({ ratios: { ...ratios, [s]: e.target.value } })}
              />
            </div>
          ))}
          <div className="cd-export-split-field">
            <label className="cd-field-label" htmlFor={idOf('seed')}>
              Seed
            </label>
            <input
              id={idOf('seed')}
              className="cd-input"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={seed}
              aria-invalid={problem?.fields.includes('seed') === true}
              onChange={(e) => onChange({ seed: e.target.value })}
            />
          </div>
          <label className="cd-export-check cd-export-split-stratify">
            <input type="checkbox" checked={stratify} onChange={(e) => onChange({ stratify: e.target.checked })} />
            <span>Stratify: every split gets documents with claims</span>
          </label>
          <p className="cd-field-hint cd-export-split-hint">By document; the same seed gives the same split. Duplicate texts stay together.</p>
          {problem && (
            <p className="cd-export-issue" role="alert">
              {problem.message}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}

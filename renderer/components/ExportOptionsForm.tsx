/**
 * The export dialog's options column: format, which layer (#11), which documents, which status
 * (saying why when the format chose it, #12), the encoding of the claims tables (#12), labels and
 * relation types, the split, and the destination (shown once chosen; Choose… asks the shell).
 */
import type { ExportDestination } from '../../shared/api';
import type { ExportFormat } from '../../shared/formats/serializer';
import type { Schema } from '../../shared/model/types';
import { formatCount } from '../util/format';
import {
  EXPORT_FORMATS,
  LAYER_CHOICES,
  effectiveScope,
  layerChoiceHint,
  hasEncodingChoice,
  isOnlyDone,
  statusDefaultReason,
  type ExportContext,
  type ExportOptions,
  type ExportScope,
  type SplitIssue,
} from './export-options';
import { ExportCheckList } from './ExportCheckList';
import { ExportSplitFields } from './ExportSplitFields';

export type ExportOptionsFormProps = Readonly<{
  options: ExportOptions;
  context: ExportContext;
  /** Colours the label chips. */
  schema: Schema;
  /** Documents in the workspace, or 0 while unknown (then no count is shown). */
  workspaceCount: number;
  splitProblem: SplitIssue | null;
  /** Builds a DOM id for a field (unique per dialog). */
  idOf: (field: string) => string;
  onChange: (change: Partial<ExportOptions>) => void;
  destination: ExportDestination | null;
  /** Whether an export is being started (Choose… waits). */
  isBusy: boolean;
  onChooseDestination: () => void;
}>;

/** Renders the column. */
export function ExportOptionsForm(props: ExportOptionsFormProps) {
  const { options, context, schema, workspaceCount, idOf, onChange, destination } = props;
  const { currentDocId, selectedDocIds } = context;
  const scope = effectiveScope(options.scope, context);
  const onlyDone = isOnlyDone(options);
  const statusReason = statusDefaultReason(options);
  const radio = (value: ExportScope, text: string, isDisabled: boolean) => (
    <label className={isDisabled ? 'cd-export-check is-disabled' : 'cd-export-check'}>
      <input
        type="radio"
        name={idOf('scope')}
        value={value}
        checked={scope === value}
        disabled={isDisabled}
        onChange={() => onChange({ scope: value })}
      />
      <span>{text}</span>
    </label>
  );

  return (
    <div className="cd-export-options">
      <div className="cd-field">
        <label className="cd-field-label" htmlFor={idOf('format')}>
          Format
        </label>
        <select
          id={idOf('format')}
          className="cd-input cd-export-select"
          value={options.format}
          onChange={(e) => onChange({ format: e.target.value as ExportFormat })}
        >
          {EXPORT_FORMATS.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </div>

      <div className="cd-field">
        <label className="cd-field-label" htmlFor={idOf('layer')}>
          Layer
        </label>
        <select
          id={idOf('layer')}
          className="cd-input cd-export-select"
          value={options.layer}
          aria-describedby={idOf('layer-hint')}
          onChange={(e) => onChange({ layer: e.target.value })}
        >
          {LAYER_CHOICES.map(({ value, name }) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
          {context.annotators.length > 0 && (
            <optgroup label="One annotator">
              {context.annotators.map((name) => (
                <option key={`annotator:${name}`} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <p className="cd-field-hint" id={idOf('layer-hint')}>
          {layerChoiceHint(options.layer)}
        </p>
      </div>

      <fieldset className="cd-export-fieldset">
        <legend className="cd-field-label cd-export-legend">Documents</legend>
        <div className="cd-export-checks cd-export-checks--column">
          {radio('current', 'Current document', currentDocId === null)}
          {radio(
            'selected',
            selectedDocIds.length > 0 ? `Selected documents (${formatCount(selectedDocIds.length)})` : 'Selected documents',
            selectedDocIds.length === 0,
          )}
          {radio('workspace', workspaceCount > 0 ? `Whole workspace (${formatCount(workspaceCount)})` : 'Whole workspace', false)}
        </div>
      </fieldset>

      <fieldset className="cd-export-fieldset">
        <legend className="cd-field-label cd-export-legend">Status</legend>
        <div className="cd-segmented cd-export-segmented">
          <label className="cd-segment">
            <input type="radio" name={idOf('status')} checked={!onlyDone} onChange={() => onChange({ statusChoice: 'all' })} />
            <span>All documents</span>
          </label>
          <label className="cd-segment cd-segment--done">
            <input type="radio" name={idOf('status')} checked={onlyDone} onChange={() => onChange({ statusChoice: 'done' })} />
            <span>Only done</span>
          </label>
        </div>
        {statusReason && <p className="cd-field-hint">{statusReason}</p>}
      </fieldset>

      {hasEncodingChoice(options.format) && (
        <div className="cd-field">
          <label className="cd-field-label" htmlFor={idOf('encoding')}>
            Encoding
          </label>
          <select
            id={idOf('encoding')}
            className="cd-input cd-export-select"
            value={options.bom ? 'bom' : 'plain'}
            aria-describedby={idOf('encoding-hint')}
            onChange={(e) => onChange({ bom: e.target.value === 'bom' })}
          >
            <option value="bom">UTF-8 with BOM (for Excel)</option>
            <option value="plain">UTF-8</option>
          </select>
          <p className="cd-field-hint" id={idOf('encoding-hint')}>
            {options.bom
              ? 'The default: Excel shows accented and non-Latin text right only with the byte-order mark.'
              : 'Without a byte-order mark: for tools that do not expect one; Excel shows non-ASCII text garbled.'}
          </p>
        </div>
      )}

      <ExportCheckList
        legend="Labels"
        names={context.labelNames}
        checked={options.labels}
        onChange={(labels) => onChange({ labels })}
        colorOf={(n) => schema.labels.find((l) => l.name === n)?.color ?? 'var(--text-faint)'}
      />
      <ExportCheckList
        legend="Relation types"
        names={context.typeNames}
        checked={options.relationTypes}
        onChange={(relationTypes) => onChange({ relationTypes })}
      />
      <ExportSplitFields options={options} problem={props.splitProblem} idOf={idOf} onChange={onChange} />

      <div className="cd-field cd-export-destination">
        <span className="cd-field-label" id={idOf('destination-label')}>
          Destination
        </span>
        <div className="cd-export-destination-row">
          <output
            className={destination ? 'cd-export-path' : 'cd-export-path is-empty'}
            aria-labelledby={idOf('destination-label')}
            title={destination?.destination}
          >
            {destination ? destination.destination : 'Chosen when you export'}
          </output>
          <button type="button" className="cd-button cd-button--small" onClick={props.onChooseDestination} disabled={props.isBusy}>
            Choose…
          </button>
        </div>
        {destination?.exists && <p className="cd-field-hint cd-export-replace">Something is there already; exporting replaces it.</p>}
      </div>
    </div>
  );
}

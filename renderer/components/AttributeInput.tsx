/**
 * One input for an attribute value, by the attribute's kind: choice and boolean -> a select
 * whose first option is "unset" (so a value can always be cleared), multi -> a group of
 * checkboxes (none ticked: unset), number and text -> a field that commits on blur or Enter
 * (Escape reverts; empty: unset). An unset value shows as unset, never as the schema's
 * default, which is only marked "(default)" among the choices. Its accessible name is the
 * attribute's name. Shared by the document panel, the schema editor (defaults) and the
 * annotation details panel.
 */
import { useState, type KeyboardEvent } from 'react';
import { choiceValues, isUnset, suggestedValue, UNSET } from '../../shared/model/schema-rules';
import type { AttributeDef, AttributeValue } from '../../shared/model/types';
import './AttributeInput.css';

/** One attribute's definition and value. */
export type AttributeInputProps = Readonly<{
  def: AttributeDef;
  /** The current value; null means unset. */
  value: AttributeValue;
  /** Called with the new value (null to unset); text and number only on commit. */
  onChange: (value: AttributeValue) => void;
  /** DOM id of the control (the group, for multi), for an outside <label htmlFor>. */
  id?: string;
}>;

const asText = (v: AttributeValue): string =>
  v === null ? '' : Array.isArray(v) ? (v as readonly string[]).join(', ') : String(v as string | number | boolean);

/** Renders the control for `def` showing `value`. */
export function AttributeInput({ def, value, onChange, id }: AttributeInputProps) {
  // Text being typed into a text or number field; null when not editing (the value shows).
  const [typed, setTyped] = useState<string | null>(null);
  const suggested = suggestedValue(def);

  const commit = (field: HTMLInputElement) => {
    setTyped(null);
    // A number field reports "" for text that is not a number: keep the stored value then.
    if (field.validity.badInput) return;
    const text = field.value;
    let next: AttributeValue;
    if (text.trim() === '') next = null;
    else if (def.kind === 'number') {
      next = Number(text);
      if (!Number.isFinite(next)) return;
    } else next = text;
    if (next !== value) onChange(next);
  };
  const onFieldKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(e.currentTarget);
    } else if (e.key === 'Escape' && typed !== null) {
      e.preventDefault();
      e.stopPropagation(); // reverting the field must not also close a dialog around it
      setTyped(null);
    }
  };

  switch (def.kind) {
    case 'choice': {
      const values = choiceValues(def);
      const current = typeof value === 'string' && !isUnset(value) ? value : '';
      const isStray = current !== '' && !values.includes(current);
      return (
        <select
          id={id}
          className={`cd-input cd-attr-select${current === '' ? ' is-unset' : ''}`}
          aria-label={def.name}
          value={current}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{UNSET}</option>
          {isStray && <option value={current}>{current} (not in schema)</option>}
          {values.map((v) => (
            <option key={v} value={v}>
              {v === suggested ? `${v} (default)` : v}
            </option>
          ))}
        </select>
      );
    }
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as readonly string[]) : [];
      const offered = choiceValues(def);
      const all = [...offered, ...chosen.filter((v) => !offered.includes(v))];
      const toggle = (v: string, on: boolean) => {
        const next = all.filter((x) => (x === v ? on : chosen.includes(x)));
        onChange(next.length === 0 ? null : next);
      };
      return (
        <div id={id} role="group" aria-label={def.name} className="cd-attr-multi">
          {all.map((v) => (
            <label key={v} className="cd-attr-check">
              <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => toggle(v, e.target.checked)} />
              <span>{v}</span>
            </label>
          ))}
          {all.length === 0 && <span className="cd-muted">No values defined</span>}
        </div>
      );
    }
    case 'boolean': {
      const current = typeof value === 'boolean' ? String(value) : '';
      const option = (v: boolean) => `${v ? 'yes' : 'no'}${suggested === v ? ' (default)' : ''}`;
      return (
        <select
          id={id}
          className={`cd-input cd-attr-select${current === '' ? ' is-unset' : ''}`}
          aria-label={def.name}
          value={current}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'true')}
        >
          <option value="">{UNSET}</option>
          <option value="true">{option(true)}</option>
          <option value="false">{option(false)}</option>
        </select>
      );
    }
    case 'number':
    case 'text':
      return (
        <input
          id={id}
          className="cd-input"
          type={def.kind === 'number' ? 'number' : 'text'}
          inputMode={def.kind === 'number' ? 'decimal' : undefined}
          aria-label={def.name}
          value={typed ?? asText(value)}
          placeholder={UNSET}
          spellCheck={def.kind === 'text'}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
          onBlur={(e) => typed !== null && commit(e.currentTarget)}
          onKeyDown={onFieldKey}
        />
      );
    default:
      return def.kind satisfies never;
  }
}

/**
 * The attributes of the selected annotation, in its details panel: one AttributeInput per
 * attribute of its label (an unset one shows "unset", and every one can be cleared back to
 * unset), required attributes that are unset flagged (a note naming them, and the row marked),
 * attributes the schema no longer defines shown read-only, and the attribute keys (see
 * use-attribute-keys): each keyed attribute's key beside its name, and once one is picked its
 * values' keys. Changes go to `onSet`; nothing here stores anything.
 */
import { useId } from 'react';
import { choiceValues, missingRequired } from '../../shared/model/schema-rules';
import type { Annotation, AttributeValue, LabelDef } from '../../shared/model/types';
import { formatAttributeValue } from '../editor/annotation-text';
import { ATTRIBUTE_KEY, UNSET_KEY } from '../../shared/model/reserved-keys';
import { keyAt, keyedAttributes, useAttributeKeys } from '../hooks/use-attribute-keys';
import { AttributeInput } from './AttributeInput';

export type AnnotationAttributesProps = Readonly<{
  annotation: Annotation;
  /** The label's definition; undefined when the schema does not know the label. */
  def: LabelDef | undefined;
  /** Sets (or, with null, clears) one attribute. */
  onSet: (name: string, value: AttributeValue) => void;
  /** An attribute key sequence started (see use-attribute-keys). */
  onKeySequence: () => void;
  isReadOnly: boolean;
}>;

/** Renders the attributes fieldset (nothing when the label has none and none are stored). */
export function AnnotationAttributes({ annotation: a, def, onSet, onKeySequence, isReadOnly }: AnnotationAttributesProps) {
  const baseId = useId();
  const attributes = def?.attributes ?? [];
  const keyed = keyedAttributes(attributes);
  const step = useAttributeKeys({ annotationId: a.id, attributes, isEnabled: !isReadOnly, onSet, onStart: onKeySequence });
  const missing = missingRequired(a, def);
  const defined = new Set(attributes.map((d) => d.name));
  // Attributes the schema no longer defines are still shown (read-only), never hidden.
  const orphans = Object.keys(a.attributes).filter((name) => !defined.has(name));
  if (attributes.length + orphans.length === 0) return null;

  return (
    <fieldset className="cd-attributes" disabled={isReadOnly}>
      <legend className="cd-field-label">Attributes</legend>
      {missing.length > 0 && (
        <p className="cd-flag" role="note">
          Required, not set yet: {missing.join(', ')}.
        </p>
      )}
      {keyed.length > 0 && !isReadOnly && (
        <p className="cd-attr-keys-hint" role="status">
          {step.step === 'idle' ? (
            <>
              Keys: <kbd>{ATTRIBUTE_KEY}</kbd>, the attribute’s key, the value’s key (<kbd>{UNSET_KEY}</kbd> unsets)
            </>
          ) : step.step === 'attribute' ? (
            <>{step.missed !== null && <>No attribute has the key {step.missed}. </>}Press an attribute’s key (Esc cancels)</>
          ) : (
            <>
              {step.missed !== null && (
                <>
                  No value of {step.name} has the key {step.missed}.{' '}
                </>
              )}
              {step.name}: press a value’s key (Esc cancels)
            </>
          )}
        </p>
      )}
      {attributes.map((attr, i) => {
        const id = `${baseId}-${i}`;
        const keyIndex = keyed.indexOf(attr);
        const isMissing = missing.includes(attr.name);
        const isPicked = step.step === 'value' && step.name === attr.name;
        return (
          <div key={`${a.id}:${attr.name}`} className={`cd-attribute${isMissing ? ' is-missing' : ''}${isPicked ? ' is-picked' : ''}`}>
            <span className="cd-attribute-head">
              {keyIndex >= 0 && (
                <kbd className={`cd-attr-key${step.step === 'attribute' ? ' is-live' : ''}`} title={`${ATTRIBUTE_KEY}, then ${keyAt(keyIndex)}`}>
                  {keyAt(keyIndex)}
                </kbd>
              )}
              {attr.kind === 'multi' ? (
                <span className="cd-attribute-name">{attr.name}</span>
              ) : (
                <label className="cd-attribute-name" htmlFor={id}>
                  {attr.name}
                </label>
              )}
              {attr.required === true && (
                <span className="cd-attr-required" title="Required">
                  required
                </span>
              )}
            </span>
            <AttributeInput def={attr} id={id} value={a.attributes[attr.name] ?? null} onChange={(v) => onSet(attr.name, v)} />
            {isPicked && (
              <ol className="cd-attr-value-keys" aria-label={`Keys for ${attr.name}`}>
                {choiceValues(attr).map((v, j) => (
                  <li key={v}>
                    <kbd>{keyAt(j)}</kbd> {v}
                  </li>
                ))}
                <li>
                  <kbd>{UNSET_KEY}</kbd> unset
                </li>
              </ol>
            )}
          </div>
        );
      })}
      {orphans.map((name) => (
        <div key={name} className="cd-attribute cd-attribute--orphan" title="Not in the schema any more">
          <span className="cd-attribute-name">{name}</span>
          <span>{formatAttributeValue(a.attributes[name] ?? null)}</span>
        </div>
      ))}
    </fieldset>
  );
}

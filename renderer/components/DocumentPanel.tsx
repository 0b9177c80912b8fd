/**
 * Document-level labels and attributes (the article's topic, its overall reliability ...):
 * one input per `schema.documentAttributes`, showing the document's value or the attribute's
 * default when the document has none. Changes go to `onChange`; this panel keeps no copy.
 */
import { useId } from 'react';
import type { AttributeValue, DocumentData, Schema } from '../../shared/model/types';
import { AttributeInput } from './AttributeInput';
import './DocumentPanel.css';

/** The open document, the schema's document attributes, and where changes go. */
export type DocumentPanelProps = Readonly<{
  doc: DocumentData;
  schema: Schema;
  /** Sets one document attribute (null unsets it). */
  onChange: (name: string, value: AttributeValue) => void;
  /** True in another annotator's layer (#11): the values are shown, not changeable. */
  isReadOnly?: boolean;
}>;

/** Renders the document's attributes as a form section. */
export function DocumentPanel({ doc, schema, onChange, isReadOnly = false }: DocumentPanelProps) {
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const defs = schema.documentAttributes;
  return (
    <section className="cd-docpanel" aria-label="Document attributes">
      <h2 className="cd-panel-title" id={titleId}>
        Document attributes
      </h2>
      <fieldset className="cd-docpanel-fields" disabled={isReadOnly}>
        {defs.length === 0 ? (
          <p className="cd-muted cd-docpanel-none">The schema defines no document attributes. Add them in Edit schema.</p>
        ) : (
          defs.map((def, i) => {
            const id = `${baseId}-${i}`;
            const stored = doc.attributes[def.name];
            const isMulti = def.kind === 'multi';
            return (
              <div className="cd-field cd-docpanel-field" key={`${doc.id}:${def.name}`}>
                {isMulti ? (
                  <span className="cd-field-label" aria-hidden="true">
                    {def.name}
                  </span>
                ) : (
                  <label className="cd-field-label" htmlFor={id}>
                    {def.name}
                  </label>
                )}
                <AttributeInput def={def} id={id} value={stored ?? null} onChange={(v) => onChange(def.name, v)} />
              </div>
            );
          })
        )}
      </fieldset>
    </section>
  );
}

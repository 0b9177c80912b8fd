/**
 * The schema editor, a modal dialog with three tabs: labels (name, colour, hotkey and their
 * attributes), relation types (name, the labels each links from and to) and document
 * attributes. Edits a draft (shared/model/schema-edit.ts) that remembers each label's saved
 * name, so a rename becomes a migration of existing annotations; removing a label that is in
 * use asks first and says how many annotations go with it. Problems are shown next to their
 * fields; Save sends the schema and its migration to `onSave` and shows the error if it fails.
 * A native modal <dialog>: Tab stays inside; Escape closes (asking first when there are
 * unsaved changes).
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import {
  ATTRIBUTE_KINDS,
  draftFromSchema,
  draftIssues,
  fieldId,
  isDraftChanged,
  migrationFromDraft,
  newAttribute,
  parseValues,
  removalQuestion,
  removeLabel,
  schemaFromDraft,
  uniqueName,
  withKind,
  type AttributeDraft,
  type LabelDraft,
  type RelationTypeDraft,
  type SchemaDraft,
} from '../../shared/model/schema-edit';
import type { SchemaMigration } from '../../shared/model/schema-rules';
import { countOf as labelCount } from '../../shared/model/keys';
import type { AttributeKind, Schema } from '../../shared/model/types';
import { formatCount, formatQuantity } from '../util/format';
import { AttributeInput } from './AttributeInput';
import '../panels.css';
import { trapTab } from '../util/trap-tab';

/** The saved schema, how many annotations use each label, and what to do on save and close. */
export type SchemaEditorProps = Readonly<{
  schema: Schema;
  /** Annotations per label name across the workspace (labels missing count as unused). */
  labelCounts: Readonly<Record<string, number>>;
  /** Stores the edited schema; the editor closes (via onClose) when it resolves and shows the error when it rejects. */
  onSave: (schema: Schema, migration: SchemaMigration) => Promise<void>;
  onClose: () => void;
}>;

type Tab = 'labels' | 'relations' | 'document';
const TABS: readonly (readonly [Tab, string])[] = [
  ['labels', 'Labels'],
  ['relations', 'Relation types'],
  ['document', 'Document attributes'],
];

const KIND_NAMES: Readonly<Record<AttributeKind, string>> = {
  choice: 'Choice',
  multi: 'Multiple choice',
  boolean: 'Yes / no',
  number: 'Number',
  text: 'Free text',
};

/** Colours offered to new labels, in order, skipping those in use. */
const NEW_LABEL_COLORS = ['#e4572e', '#0f9d9a', '#c2410c', '#4f7cac', '#b5179e', '#6a994e', '#7c6f64', '#d4a017'];
const HOTKEYS = '1234567890qwertyuiopasdfghjklzxcvbnm';

/** Where the editor shows an item: its tab and, for labels and their attributes, the label. */
type Place = Readonly<{ tab: Tab; labelKey: string | null }>;

/** Renders the editor, open, for as long as it is mounted. */
export function SchemaEditor({ schema, labelCounts, onSave, onClose }: SchemaEditorProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const baseId = useId();
  const domId = (key: string, field: string) => `${baseId}-${fieldId(key, field)}`;
  const [draft, setDraft] = useState<SchemaDraft>(() => draftFromSchema(schema));
  const [tab, setTab] = useState<Tab>('labels');
  const [currentKey, setCurrentKey] = useState<string | null>(() => draft.labels[0]?.key ?? null);
  const [pendingRemoval, setPendingRemoval] = useState<string | null>(null);
  const [isDiscarding, setDiscarding] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [hasTriedSave, setTriedSave] = useState(false);
  // Opening focuses the current tab: a quiet start that the arrow keys and Tab go on from.
  const [focusTarget, setFocusTarget] = useState<string | null>(() => `${baseId}-tab-labels`);
  const keyCounter = useRef(0);
  const newKey = () => `new-${++keyCounter.current}`;

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);

  // Focus requests wait for the render that shows their element (another tab or label).
  useLayoutEffect(() => {
    if (focusTarget === null) return;
    const el = document.getElementById(focusTarget);
    if (el instanceof HTMLInputElement && el.type === 'text') el.select();
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const issues = useMemo(() => draftIssues(draft), [draft]);
  const issueAt = useMemo(() => new Map(issues.map((i) => [i.field, i.message])), [issues]);
  const isChanged = useMemo(() => isDraftChanged(schema, draft), [schema, draft]);
  const migration = useMemo(() => migrationFromDraft(draft), [draft]);

  /** Where each item key is shown, to take the user to a problem. */
  const places = useMemo(() => {
    const map = new Map<string, Place>();
    for (const l of draft.labels) {
      map.set(l.key, { tab: 'labels', labelKey: l.key });
      for (const a of l.attributes) map.set(a.key, { tab: 'labels', labelKey: l.key });
    }
    for (const t of draft.relationTypes) map.set(t.key, { tab: 'relations', labelKey: null });
    for (const a of draft.documentAttributes) map.set(a.key, { tab: 'document', labelKey: null });
    return map;
  }, [draft]);
  const placeOfIssue = (field: string) => places.get(field.slice(0, field.lastIndexOf(':')));
  const issuesIn = (t: Tab) => issues.filter((i) => placeOfIssue(i.field)?.tab === t).length;
  const labelHasIssue = (l: LabelDraft) => issues.some((i) => placeOfIssue(i.field)?.labelKey === l.key);

  const current = draft.labels.find((l) => l.key === currentKey) ?? draft.labels[0] ?? null;
  const countOf = (l: LabelDraft) => (l.originalName === null ? 0 : labelCount(labelCounts, l.originalName));

  // ---- edits ----
  const edit = (change: (d: SchemaDraft) => SchemaDraft) => {
    setDraft(change);
    setSaveError(null);
    setDiscarding(false);
  };
  const editLabel = (key: string, change: Partial<LabelDraft>) =>
    edit((d) => ({ ...d, labels: d.labels.map((l) => (l.key === key ? { ...l, ...change } : l)) }));
  const editAttributes = (owner: string | null, change: (attrs: readonly AttributeDraft[]) => readonly AttributeDraft[]) =>
    edit((d) =>
      owner === null
        ? { ...d, documentAttributes: change(d.documentAttributes) }
        : { ...d, labels: d.labels.map((l) => (l.key === owner ? { ...l, attributes: change(l.attributes) } : l)) },
    );
  const editRelation = (key: string, change: Partial<RelationTypeDraft>) =>
    edit((d) => ({ ...d, relationTypes: d.relationTypes.map((t) => (t.key === key ? { ...t, ...change } : t)) }));

  const addLabel = () => {
    const key = newKey();
    const color = NEW_LABEL_COLORS.find((c) => !draft.labels.some((l) => l.color.toLowerCase() === c)) ?? '#7c6f64';
    const hotkey = [...HOTKEYS].find((k) => !draft.labels.some((l) => l.hotkey.toLowerCase() === k)) ?? '';
    const label: LabelDraft = { key, originalName: null, name: uniqueName('New label', draft.labels.map((l) => l.name)), color, hotkey, attributes: [] };
    edit((d) => ({ ...d, labels: [...d.labels, label] }));
    setCurrentKey(key);
    setPendingRemoval(null);
    setFocusTarget(domId(key, 'name'));
  };
  const askRemoveLabel = (l: LabelDraft) => {
    if (countOf(l) > 0) {
      setPendingRemoval(l.key);
      setFocusTarget(`${baseId}-confirm-cancel`);
    } else doRemoveLabel(l.key);
  };
  const doRemoveLabel = (key: string) => {
    const at = draft.labels.findIndex((l) => l.key === key);
    const next = draft.labels[at + 1] ?? draft.labels[at - 1] ?? null;
    edit((d) => removeLabel(d, key));
    setPendingRemoval(null);
    setCurrentKey(next?.key ?? null);
    setFocusTarget(next ? `${baseId}-item-${next.key}` : `${baseId}-add-label`);
  };
  const addAttribute = (owner: string | null, attrs: readonly AttributeDraft[]) => {
    const key = newKey();
    editAttributes(owner, (list) => [...list, newAttribute(key, uniqueName('attribute', attrs.map((a) => a.name)))]);
    setFocusTarget(domId(key, 'name'));
  };
  const addRelation = () => {
    const key = newKey();
    edit((d) => ({ ...d, relationTypes: [...d.relationTypes, { key, name: uniqueName('relation', d.relationTypes.map((t) => t.name)), from: [], to: [] }] }));
    setFocusTarget(domId(key, 'name'));
  };

  // ---- save and close ----
  const goToIssue = (field: string) => {
    const place = placeOfIssue(field);
    if (!place) return;
    setTab(place.tab);
    if (place.labelKey) setCurrentKey(place.labelKey);
    setFocusTarget(`${baseId}-${field}`);
  };
  const save = () => {
    if (isSaving) return;
    setTriedSave(true);
    const first = issues[0];
    if (first) {
      goToIssue(first.field);
      return;
    }
    if (!isChanged) {
      onClose();
      return;
    }
    setSaving(true);
    setSaveError(null);
    onSave(schemaFromDraft(draft), migration).then(
      () => onClose(),
      (err: unknown) => {
        setSaving(false);
        setSaveError(`Could not save the schema: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  };
  const requestClose = () => {
    if (isChanged && !isSaving) {
      setDiscarding(true);
      setFocusTarget(`${baseId}-keep-editing`);
    } else onClose();
  };
  const onEscape = (e: SyntheticEvent) => {
    e.preventDefault();
    if (pendingRemoval !== null) {
      setPendingRemoval(null);
      if (current) setFocusTarget(`${baseId}-remove-${current.key}`);
    } else if (isDiscarding) setDiscarding(false);
    else requestClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') onEscape(e);
    else if (e.key === 'Tab') trapTab(e);
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = TABS.findIndex(([t]) => t === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const [next] = TABS[(at + step + TABS.length) % TABS.length]!;
    setTab(next);
    setFocusTarget(`${baseId}-tab-${next}`);
  };

  // ---- rendering helpers ----
  const problem = (key: string, field: string): ReactNode => {
    const message = issueAt.get(fieldId(key, field));
    return message ? (
      <p className="cd-schema-issue" id={`${domId(key, field)}-issue`}>
        {message}
      </p>
    ) : null;
  };
  const invalid = (key: string, field: string) => {
    const has = issueAt.has(fieldId(key, field));
    return { 'aria-invalid': has, 'aria-describedby': has ? `${domId(key, field)}-issue` : undefined };
  };

  const attributeRows = (owner: string | null, attrs: readonly AttributeDraft[]) => (
    <div className="cd-schema-attrs">
      {attrs.length > 0 && (
        <div className="cd-schema-attr cd-schema-attr--head" aria-hidden="true">
          <span>Name</span>
          <span>Kind</span>
          <span>Values</span>
          <span>Default</span>
          <span />
        </div>
      )}
      {attrs.map((a) => {
        const hasValues = a.kind === 'choice' || a.kind === 'multi';
        const values = parseValues(a.valuesText);
        const set = (change: Partial<AttributeDraft>) => editAttributes(owner, (list) => list.map((x) => (x.key === a.key ? { ...x, ...change } : x)));
        return (
          <div key={a.key} role="group" aria-label={`Attribute ${a.name.trim() || '(unnamed)'}`} className="cd-schema-attr-block">
            <div className="cd-schema-attr">
              <input
                id={domId(a.key, 'name')}
                className="cd-input"
                aria-label="Attribute name"
                value={a.name}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set({ name: e.target.value })}
                {...invalid(a.key, 'name')}
              />
              <select
                id={domId(a.key, 'kind')}
                className="cd-input"
                aria-label="Kind"
                value={a.kind}
                onChange={(e) => editAttributes(owner, (list) => list.map((x) => (x.key === a.key ? withKind(x, e.target.value as AttributeKind) : x)))}
              >
                {ATTRIBUTE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_NAMES[k]}
                  </option>
                ))}
              </select>
              {hasValues ? (
                <input
                  id={domId(a.key, 'values')}
                  className="cd-input"
                  aria-label="Values"
                  placeholder="yes, no, unsure"
                  value={a.valuesText}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => set({ valuesText: e.target.value })}
                  {...invalid(a.key, 'values')}
                />
              ) : (
                <span className="cd-schema-na">—</span>
              )}
              <div id={domId(a.key, 'default')} className="cd-schema-default" tabIndex={-1}>
                <AttributeInput def={{ name: 'Default', kind: a.kind, values, default: null }} value={a.default} onChange={(v) => set({ default: v })} />
              </div>
              <button
                type="button"
                className="cd-icon-button cd-schema-remove"
                aria-label={`Remove attribute ${a.name.trim() || '(unnamed)'}`}
                title="Remove attribute"
                onClick={() => editAttributes(owner, (list) => list.filter((x) => x.key !== a.key))}
              >
                ×
              </button>
            </div>
            {problem(a.key, 'name')}
            {problem(a.key, 'values')}
            {problem(a.key, 'default')}
          </div>
        );
      })}
      <button type="button" className="cd-button cd-button--small cd-schema-add" onClick={() => addAttribute(owner, attrs)}>
        + Add attribute
      </button>
    </div>
  );

  const labelPanel = (l: LabelDraft) => {
    const count = countOf(l);
    const shownName = l.name.trim() || l.originalName || 'this label';
    return (
      <div className="cd-schema-detail" role="group" aria-label={`Label ${l.name.trim() || '(unnamed)'}`}>
        <div className="cd-schema-labelhead">
          <div className="cd-schema-field cd-schema-field--grow">
            <label className="cd-field-label" htmlFor={domId(l.key, 'name')}>
              Label name
            </label>
            <input
              id={domId(l.key, 'name')}
              className="cd-input"
              value={l.name}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => editLabel(l.key, { name: e.target.value })}
              {...invalid(l.key, 'name')}
            />
          </div>
          <div className="cd-schema-field">
            <label className="cd-field-label" htmlFor={domId(l.key, 'color')}>
              Colour
            </label>
            <div className="cd-schema-color">
              <input id={domId(l.key, 'color')} type="color" value={l.color} onChange={(e) => editLabel(l.key, { color: e.target.value })} {...invalid(l.key, 'color')} />
              <code>{l.color}</code>
            </div>
          </div>
          <div className="cd-schema-field">
            <label className="cd-field-label" htmlFor={domId(l.key, 'hotkey')}>
              Hotkey
            </label>
            <input
              id={domId(l.key, 'hotkey')}
              className="cd-input cd-schema-hotkey"
              value={l.hotkey}
              maxLength={1}
              spellCheck={false}
              autoComplete="off"
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => editLabel(l.key, { hotkey: e.target.value })}
              {...invalid(l.key, 'hotkey')}
            />
          </div>
          <button id={`${baseId}-remove-${l.key}`} type="button" className="cd-button cd-button--small cd-button--danger-quiet" onClick={() => askRemoveLabel(l)}>
            Remove label
          </button>
        </div>
        {problem(l.key, 'name')}
        {problem(l.key, 'color')}
        {problem(l.key, 'hotkey')}
        <p className="cd-field-hint">
          {l.originalName === null
            ? 'New label: added when you save.'
            : count === 0
              ? 'Not used by any annotation yet.'
              : `Used by ${formatQuantity(count, 'annotation')}${l.originalName !== l.name.trim() && l.name.trim() !== '' ? `; they will be relabelled “${l.name.trim()}”` : ''}.`}
        </p>
        {pendingRemoval === l.key && (
          <div className="cd-confirm" role="alert">
            <p className="cd-confirm-text">{removalQuestion(shownName, count, formatCount)}</p>
            <div className="cd-confirm-actions">
              <button type="button" className="cd-button cd-button--small cd-button--destructive" onClick={() => doRemoveLabel(l.key)}>
                Remove
              </button>
              <button id={`${baseId}-confirm-cancel`} type="button" className="cd-button cd-button--small" onClick={() => setPendingRemoval(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <h3 className="cd-schema-subtitle">Attributes</h3>
        {l.attributes.length === 0 && <p className="cd-field-hint">No attributes. Add one to record, for example, a claim’s type or a source’s role.</p>}
        {attributeRows(l.key, l.attributes)}
      </div>
    );
  };

  const labelChecks = (t: RelationTypeDraft, end: 'from' | 'to') => (
    <fieldset className="cd-schema-ends" {...invalid(t.key, end)}>
      <legend className="cd-field-label">{end === 'from' ? 'From' : 'To'}</legend>
      <div className="cd-schema-checks" id={domId(t.key, end)} tabIndex={-1}>
        {draft.labels.map((l) => {
          const isOn = t[end].includes(l.key);
          return (
            <label key={l.key} className={isOn ? 'cd-schema-check is-on' : 'cd-schema-check'} style={{ '--label-color': l.color } as CSSProperties}>
              <input
                type="checkbox"
                checked={isOn}
                onChange={(e) => editRelation(t.key, { [end]: e.target.checked ? [...t[end], l.key] : t[end].filter((k) => k !== l.key) })}
              />
              <span className="cd-panel-swatch" aria-hidden="true" />
              <span>{l.name.trim() || '(unnamed)'}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );

  const changeSummary = (): string => {
    const parts: string[] = [];
    const renames = Object.entries(migration.renamedLabels);
    if (renames.length > 0) parts.push(`renames ${renames.map(([from, to]) => `${from} → ${to}`).join(', ')}`);
    for (const name of migration.removedLabels) {
      const n = labelCount(labelCounts, name);
      parts.push(n > 0 ? `removes ${name} (${formatQuantity(n, 'annotation')})` : `removes ${name}`);
    }
    return parts.length > 0 ? `Unsaved: ${parts.join('; ')}` : 'Unsaved changes';
  };

  let panel: ReactNode;
  if (tab === 'labels')
    panel = (
      <div className="cd-schema-labels">
        <div className="cd-schema-master">
          <ul className="cd-schema-labellist" aria-label="Labels">
            {draft.labels.map((l) => (
              <li key={l.key}>
                <button
                  id={`${baseId}-item-${l.key}`}
                  type="button"
                  className="cd-schema-labelitem"
                  aria-current={l.key === current?.key ? 'true' : undefined}
                  style={{ '--label-color': l.color } as CSSProperties}
                  onClick={() => {
                    setCurrentKey(l.key);
                    setPendingRemoval(null);
                  }}
                >
                  <span className="cd-panel-swatch" aria-hidden="true" />
                  <span className="cd-schema-labelitem-name">{l.name.trim() || '(unnamed)'}</span>
                  {labelHasIssue(l) && (
                    <span className="cd-schema-dot" role="img" aria-label="has problems" />
                  )}
                  {l.hotkey && <kbd className="cd-schema-kbd">{l.hotkey}</kbd>}
                  <span className="cd-schema-labelitem-count" title="Annotations in the workspace">
                    {l.originalName === null ? 'new' : formatCount(countOf(l))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button id={`${baseId}-add-label`} type="button" className="cd-button cd-button--small cd-schema-add" onClick={addLabel}>
            + Add label
          </button>
        </div>
        {current ? labelPanel(current) : <p className="cd-schema-empty">No labels. Add one to start tagging.</p>}
      </div>
    );
  else if (tab === 'relations')
    panel = (
      <div className="cd-schema-section">
        <p className="cd-field-hint cd-schema-intro">A relation type links an annotation of a “from” label to one of a “to” label (e.g. a Claim attributed to a Source).</p>
        {draft.relationTypes.map((t) => (
          <div key={t.key} className="cd-schema-relation" role="group" aria-label={`Relation type ${t.name.trim() || '(unnamed)'}`}>
            <div className="cd-schema-relation-head">
              <div className="cd-schema-field cd-schema-field--grow">
                <label className="cd-field-label" htmlFor={domId(t.key, 'name')}>
                  Relation type name
                </label>
                <input
                  id={domId(t.key, 'name')}
                  className="cd-input"
                  value={t.name}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => editRelation(t.key, { name: e.target.value })}
                  {...invalid(t.key, 'name')}
                />
              </div>
              <button
                type="button"
                className="cd-icon-button cd-schema-remove"
                aria-label={`Remove relation type ${t.name.trim() || '(unnamed)'}`}
                title="Remove relation type"
                onClick={() => edit((d) => ({ ...d, relationTypes: d.relationTypes.filter((x) => x.key !== t.key) }))}
              >
                ×
              </button>
            </div>
            {problem(t.key, 'name')}
            <div className="cd-schema-relation-ends">
              <div>
                {labelChecks(t, 'from')}
                {problem(t.key, 'from')}
              </div>
              <span className="cd-schema-arrow" aria-hidden="true">
                →
              </span>
              <div>
                {labelChecks(t, 'to')}
                {problem(t.key, 'to')}
              </div>
            </div>
          </div>
        ))}
        <button type="button" className="cd-button cd-button--small cd-schema-add" onClick={addRelation}>
          + Add relation type
        </button>
      </div>
    );
  else
    panel = (
      <div className="cd-schema-section">
        <p className="cd-field-hint cd-schema-intro">Set once per article in the document panel, e.g. its topic or overall reliability.</p>
        {attributeRows(null, draft.documentAttributes)}
      </div>
    );

  return (
    <dialog ref={dialogRef} className="cd-dialog cd-schema" aria-modal="true" aria-label="Edit schema" onCancel={onEscape} onKeyDown={onKeyDown}>
      <header className="cd-dialog-head">
        <h2 className="cd-dialog-title">Edit schema</h2>
        <button type="button" className="cd-icon-button" aria-label="Close" onClick={requestClose}>
          ×
        </button>
      </header>
      <div className="cd-schema-tabs" role="tablist" aria-label="Schema parts">
        {TABS.map(([t, text]) => {
          const count = t === 'labels' ? draft.labels.length : t === 'relations' ? draft.relationTypes.length : draft.documentAttributes.length;
          const problems = issuesIn(t);
          return (
            <button
              key={t}
              id={`${baseId}-tab-${t}`}
              type="button"
              role="tab"
              aria-selected={tab === t}
              aria-controls={`${baseId}-panel`}
              tabIndex={tab === t ? 0 : -1}
              className="cd-schema-tab"
              onClick={() => setTab(t)}
              onKeyDown={onTabKey}
            >
              {text}
              <span className="cd-schema-tab-count">{count}</span>
              {problems > 0 && <span className="cd-schema-dot" role="img" aria-label={`${problems} ${problems === 1 ? 'problem' : 'problems'}`} />}
            </button>
          );
        })}
      </div>
      <div className="cd-schema-body" role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`}>
        {panel}
      </div>
      {saveError && (
        <p className="cd-dialog-error cd-schema-error" role="alert">
          {saveError}
        </p>
      )}
      <footer className="cd-dialog-foot">
        {isDiscarding ? (
          <>
            <span className="cd-dialog-foot-note cd-dialog-foot-question" role="alert">
              Discard your changes to the schema?
            </span>
            <span className="cd-dialog-foot-spacer" />
            <button type="button" className="cd-button cd-button--destructive" onClick={onClose}>
              Discard
            </button>
            <button id={`${baseId}-keep-editing`} type="button" className="cd-button" onClick={() => setDiscarding(false)}>
              Keep editing
            </button>
          </>
        ) : (
          <>
            {issues.length > 0 ? (
              <button type="button" className="cd-link-button cd-dialog-foot-problems" onClick={() => goToIssue(issues[0]!.field)}>
                {hasTriedSave ? `Fix ${formatQuantity(issues.length, 'problem')} to save` : formatQuantity(issues.length, 'problem')}
              </button>
            ) : (
              <span className="cd-dialog-foot-note">{isChanged ? changeSummary() : 'No changes'}</span>
            )}
            <span className="cd-dialog-foot-spacer" />
            <button type="button" className="cd-button" onClick={requestClose}>
              Cancel
            </button>
            <button type="button" className="cd-button cd-button--primary" disabled={isSaving} onClick={save}>
              {isSaving ? 'Saving…' : 'Save'}
            </button>
          </>
        )}
      </footer>
    </dialog>
  );
}

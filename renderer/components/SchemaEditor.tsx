/**
 * The schema editor, a modal dialog with three tabs: labels (name, colour, hotkey and their
 * attributes), relation types (name, the labels each links from and to) and document
 * attributes. Edits a draft (shared/model/schema-edit.ts) that remembers each label's saved
 * name, so a rename becomes a migration of existing annotations; removing a label that is in
 * use asks first and says how many annotations go with it. Problems are shown next to their
 * fields; Save sends the schema and its migration to `onSave` and shows the error if it fails.
 * A native modal <dialog>: Tab stays inside; Escape closes (asking first when there are
 * unsaved changes).
 *
 * This component owns the draft, focus and the dialog; the tabs, the label panel, attribute
 * rows and the footer are its parts (SchemaEditor*.tsx), which render what they are given.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import {
  draftFromSchema,
  draftIssues,
  fieldId,
  isDraftChanged,
  migrationFromDraft,
  newAttribute,
  removeLabel,
  schemaFromDraft,
  uniqueName,
  type AttributeDraft,
  type LabelDraft,
  type RelationTypeDraft,
  type SchemaDraft,
} from '../../shared/model/schema-edit';
import { reservedHotkeyProblem } from '../../shared/model/reserved-keys';
import type { SchemaMigration } from '../../shared/model/schema-rules';
import { countOf as labelCount } from '../../shared/model/keys';
import type { Schema } from '../../shared/model/types';
import { trapTab } from '../util/trap-tab';
import { schemaEditorIds, type IssueAt, type SchemaTab } from './schema-editor-dom';
import { describeChanges, placeOfIssue, placesOf } from './schema-editor-places';
import { SchemaEditorAttributes } from './SchemaEditorAttributes';
import { SchemaEditorFoot } from './SchemaEditorFoot';
import { SchemaEditorLabelPanel } from './SchemaEditorLabelPanel';
import { SchemaEditorLabels } from './SchemaEditorLabels';
import { SchemaEditorRelations } from './SchemaEditorRelations';
import { SchemaEditorTabs } from './SchemaEditorTabs';
import './SchemaEditor.css';
import { DialogHead } from './DialogHead';

/** The saved schema, how many annotations use each label, and what to do on save and close. */
export type SchemaEditorProps = Readonly<{
  schema: Schema;
  /** Annotations per label name across the workspace (labels missing count as unused). */
  labelCounts: Readonly<Record<string, number>>;
  /** Stores the edited schema; the editor closes (via onClose) when it resolves and shows the error when it rejects. */
  onSave: (schema: Schema, migration: SchemaMigration) => Promise<void>;
  onClose: () => void;
  /** True when a sync left conflicts in the workspace's settings: Save then stores the schema even unchanged, which settles them. */
  hasMergeConflicts?: boolean;
}>;

/** Colours offered to new labels, in order, skipping those in use. */
const NEW_LABEL_COLORS = ['#e4572e', '#0f9d9a', '#c2410c', '#4f7cac', '#b5179e', '#6a994e', '#7c6f64', '#d4a017'];
const HOTKEYS = '1234567890qwertyuiopasdfghjklzxcvbnm';

/** Renders the editor, open, for as long as it is mounted. */
export function SchemaEditor({ schema, labelCounts, onSave, onClose, hasMergeConflicts = false }: SchemaEditorProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = schemaEditorIds(useId());
  const [draft, setDraft] = useState<SchemaDraft>(() => draftFromSchema(schema));
  const [tab, setTab] = useState<SchemaTab>('labels');
  const [currentKey, setCurrentKey] = useState<string | null>(() => draft.labels[0]?.key ?? null);
  const [pendingRemoval, setPendingRemoval] = useState<string | null>(null);
  const [isDiscarding, setDiscarding] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [hasTriedSave, setTriedSave] = useState(false);
  // Opening focuses the current tab: a quiet start that the arrow keys and Tab go on from.
  const [focusTarget, setFocusTarget] = useState<string | null>(() => ids.tab('labels'));
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
  const issueMap = useMemo(() => new Map(issues.map((i) => [i.field, i.message])), [issues]);
  const issueAt: IssueAt = (key, field) => issueMap.get(fieldId(key, field));
  const isChanged = useMemo(() => isDraftChanged(schema, draft), [schema, draft]);
  const migration = useMemo(() => migrationFromDraft(draft), [draft]);

  const places = useMemo(() => placesOf(draft), [draft]);
  const placeOf = (field: string) => placeOfIssue(places, field);

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
    const hotkey = [...HOTKEYS].find((k) => reservedHotkeyProblem(k) === null && !draft.labels.some((l) => l.hotkey.toLowerCase() === k)) ?? '';
    const label: LabelDraft = {
      key,
      originalName: null,
      name: uniqueName(
        'New label',
        draft.labels.map((l) => l.name),
      ),
      color,
      hotkey,
      attributes: [],
    };
    edit((d) => ({ ...d, labels: [...d.labels, label] }));
    setCurrentKey(key);
    setPendingRemoval(null);
    setFocusTarget(ids.field(key, 'name'));
  };
  const selectLabel = (key: string) => {
    setCurrentKey(key);
    setPendingRemoval(null);
  };
  const askRemoveLabel = (l: LabelDraft) => {
    if (countOf(l) > 0) {
      setPendingRemoval(l.key);
      setFocusTarget(ids.confirmCancel);
    } else doRemoveLabel(l.key);
  };
  const doRemoveLabel = (key: string) => {
    const at = draft.labels.findIndex((l) => l.key === key);
    const next = draft.labels[at + 1] ?? draft.labels[at - 1] ?? null;
    edit((d) => removeLabel(d, key));
    setPendingRemoval(null);
    setCurrentKey(next?.key ?? null);
    setFocusTarget(next ? ids.labelItem(next.key) : ids.addLabel);
  };
  const addAttribute = (owner: string | null, attrs: readonly AttributeDraft[]) => {
    const key = newKey();
    editAttributes(owner, (list) => [
      ...list,
      newAttribute(
        key,
        uniqueName(
          'attribute',
          attrs.map((a) => a.name),
        ),
      ),
    ]);
    setFocusTarget(ids.field(key, 'name'));
  };
  const addRelation = () => {
    const key = newKey();
    edit((d) => ({
      ...d,
      relationTypes: [
        ...d.relationTypes,
        {
          key,
          name: uniqueName(
            'relation',
            d.relationTypes.map((t) => t.name),
          ),
          from: [],
          to: [],
        },
      ],
    }));
    setFocusTarget(ids.field(key, 'name'));
  };
  const removeRelation = (key: string) => edit((d) => ({ ...d, relationTypes: d.relationTypes.filter((x) => x.key !== key) }));

  // ---- save and close ----
  const goToIssue = (field: string) => {
    const place = placeOf(field);
    if (!place) return;
    setTab(place.tab);
    if (place.labelKey) setCurrentKey(place.labelKey);
    setFocusTarget(ids.issueField(field));
  };
  const save = () => {
    if (isSaving) return;
    setTriedSave(true);
    const first = issues[0];
    if (first) {
      goToIssue(first.field);
      return;
    }
    if (!isChanged && !hasMergeConflicts) {
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
      setFocusTarget(ids.keepEditing);
    } else onClose();
  };
  const onEscape = (e: SyntheticEvent) => {
    e.preventDefault();
    if (pendingRemoval !== null) {
      setPendingRemoval(null);
      if (current) setFocusTarget(ids.removeLabel(current.key));
    } else if (isDiscarding) setDiscarding(false);
    else requestClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') onEscape(e);
    else if (e.key === 'Tab') trapTab(e);
  };
  const selectTab = (next: SchemaTab, shouldFocus: boolean) => {
    setTab(next);
    if (shouldFocus) setFocusTarget(ids.tab(next));
  };

  const panel =
    tab === 'labels' ? (
      <SchemaEditorLabels
        labels={draft.labels}
        currentKey={current?.key ?? null}
        ids={ids}
        countOf={countOf}
        hasIssue={(l) => issues.some((i) => placeOf(i.field)?.labelKey === l.key)}
        onSelect={selectLabel}
        onAdd={addLabel}
      >
        {current ? (
          <SchemaEditorLabelPanel
            label={current}
            count={countOf(current)}
            isRemovalPending={pendingRemoval === current.key}
            ids={ids}
            issueAt={issueAt}
            onEdit={(change) => editLabel(current.key, change)}
            onEditAttributes={(change) => editAttributes(current.key, change)}
            onAddAttribute={() => addAttribute(current.key, current.attributes)}
            onRemove={() => askRemoveLabel(current)}
            onConfirmRemove={() => doRemoveLabel(current.key)}
            onCancelRemove={() => setPendingRemoval(null)}
          />
        ) : (
          <p className="cd-schema-empty">No labels. Add one to start tagging.</p>
        )}
      </SchemaEditorLabels>
    ) : tab === 'relations' ? (
      <SchemaEditorRelations
        relationTypes={draft.relationTypes}
        labels={draft.labels}
        ids={ids}
        issueAt={issueAt}
        onEdit={editRelation}
        onRemove={removeRelation}
        onAdd={addRelation}
      />
    ) : (
      <div className="cd-schema-section">
        <p className="cd-field-hint cd-schema-intro">Set once per article in the document panel, e.g. its topic or overall reliability.</p>
        <SchemaEditorAttributes
          attributes={draft.documentAttributes}
          ids={ids}
          issueAt={issueAt}
          onChange={(change) => editAttributes(null, change)}
          onAdd={() => addAttribute(null, draft.documentAttributes)}
        />
      </div>
    );

  return (
    <dialog
      ref={dialogRef}
      className="cd-dialog cd-dialog--column cd-schema"
      aria-modal="true"
      aria-label="Edit schema"
      onCancel={onEscape}
      onKeyDown={onKeyDown}
    >
      <DialogHead title="Edit schema" onClose={requestClose} />
      <SchemaEditorTabs
        tab={tab}
        ids={ids}
        countIn={(t) => (t === 'labels' ? draft.labels : t === 'relations' ? draft.relationTypes : draft.documentAttributes).length}
        problemsIn={(t) => issues.filter((i) => placeOf(i.field)?.tab === t).length}
        onSelect={selectTab}
      />
      <div className="cd-schema-body" role="tabpanel" id={ids.panel} aria-labelledby={ids.tab(tab)}>
        {panel}
      </div>
      {saveError && (
        <p className="cd-dialog-error cd-schema-error" role="alert">
          {saveError}
        </p>
      )}
      <SchemaEditorFoot
        ids={ids}
        isDiscarding={isDiscarding}
        problemCount={issues.length}
        hasTriedSave={hasTriedSave}
        changeSummary={isChanged ? describeChanges(migration, labelCounts) : null}
        isSaving={isSaving}
        onGoToProblem={() => goToIssue(issues[0]!.field)}
        onCancel={requestClose}
        onSave={save}
        onDiscard={onClose}
        onKeepEditing={() => setDiscarding(false)}
      />
    </dialog>
  );
}

/**
 * What the schema editor's parts share about the page: its tabs, the DOM ids of its controls
 * (focus requests and aria links name them, so every part builds them here), and the aria
 * attributes of a field with a problem. No state and no rendering.
 */
import { fieldId } from '../../shared/model/schema-edit';

/** The editor's tabs, in order, with the names the user sees. */
export type SchemaTab = 'labels' | 'relations' | 'document';
export const SCHEMA_TABS: readonly (readonly [SchemaTab, string])[] = [
  ['labels', 'Labels'],
  ['relations', 'Relation types'],
  ['document', 'Document attributes'],
];

/** The DOM ids of one editor's controls (unique per editor through React's `useId`). */
export type SchemaEditorIds = Readonly<{
  /** An item's field, e.g. a label's name (the field ids of shared/model/schema-edit.ts). */
  field: (key: string, field: string) => string;
  /** The field named by a draft issue's `field` (already a field id). */
  issueField: (fieldIdOfIssue: string) => string;
  tab: (tab: SchemaTab) => string;
  panel: string;
  /** A label's entry in the label list. */
  labelItem: (key: string) => string;
  removeLabel: (key: string) => string;
  confirmCancel: string;
  addLabel: string;
  keepEditing: string;
}>;

/**
 * @param baseId the editor's `useId()`
 * @returns the ids of that editor's controls
 */
export function schemaEditorIds(baseId: string): SchemaEditorIds {
  return {
    field: (key, field) => `${baseId}-${fieldId(key, field)}`,
    issueField: (fieldIdOfIssue) => `${baseId}-${fieldIdOfIssue}`,
    tab: (tab) => `${baseId}-tab-${tab}`,
    panel: `${baseId}-panel`,
    labelItem: (key) => `${baseId}-item-${key}`,
    removeLabel: (key) => `${baseId}-remove-${key}`,
    confirmCancel: `${baseId}-confirm-cancel`,
    addLabel: `${baseId}-add-label`,
    keepEditing: `${baseId}-keep-editing`,
  };
}

/** How a part reads the draft's problems: the message at an item's field, or undefined. */
export type IssueAt = (key: string, field: string) => string | undefined;

/** The id of the paragraph that shows the problem with an item's field. */
export const issueId = (ids: SchemaEditorIds, key: string, field: string) => `${ids.field(key, field)}-issue`;

/**
 * @returns aria-invalid, and aria-describedby pointing at the problem, for a field's control
 */
export function invalidProps(ids: SchemaEditorIds, issueAt: IssueAt, key: string, field: string) {
  const has = issueAt(key, field) !== undefined;
  return { 'aria-invalid': has, 'aria-describedby': has ? issueId(ids, key, field) : undefined };
}

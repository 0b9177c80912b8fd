/** The problem with one field of the schema editor, shown under it (nothing when there is none). */
import { issueId, type IssueAt, type SchemaEditorIds } from './schema-editor-dom';

export type SchemaEditorIssueProps = Readonly<{ ids: SchemaEditorIds; issueAt: IssueAt; itemKey: string; field: string }>;

/** Renders the message, with the id the field's aria-describedby names, or null. */
export function SchemaEditorIssue({ ids, issueAt, itemKey, field }: SchemaEditorIssueProps) {
  const message = issueAt(itemKey, field);
  return message ? (
    <p className="cd-schema-issue" id={issueId(ids, itemKey, field)}>
      {message}
    </p>
  ) : null;
}

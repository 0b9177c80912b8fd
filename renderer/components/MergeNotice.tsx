/**
 * A notice across the window when a git sync found workspace-level changes made differently on
 * two machines (claimdesk.json: the schema, a document's row, a document moved to the trash on one
 * machine and annotated on another): what each is and which value was kept. Saving the schema
 * settles them. Renders nothing when there are none.
 */
import type { FieldConflict } from '../../shared/model/types';

export type MergeNoticeProps = Readonly<{
  conflicts: readonly FieldConflict[];
  /** A document's title by id (for documents.<id>.… fields). */
  titleOf: (docId: string) => string | undefined;
  onOpenSchema: () => void;
}>;

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

/** One conflict as a sentence. */
function describe(conflict: FieldConflict, titleOf: MergeNoticeProps['titleOf']): string {
  const doc = /^documents\.([0-9a-f]+)\.(.+)$/.exec(conflict.field);
  if (doc) {
    const title = `“${titleOf(doc[1]!) ?? doc[1]}”`;
    if (doc[2] === 'deleted')
      return `${title} was moved to the trash on one machine and annotated on another: it was kept with the annotations (move it to the trash again if it should go)`;
    return `${title}: its ${doc[2]} was changed to ${shown(conflict.values[0])} here and ${shown(conflict.values[1])} on another machine; this one was kept`;
  }
  return `${conflict.field.replace(/^schema\./, 'schema: ')} was changed to ${shown(conflict.values[0])} here and ${shown(conflict.values[1])} on another machine; this one was kept`;
}

/** The notice, or nothing. */
export function MergeNotice({ conflicts, titleOf, onOpenSchema }: MergeNoticeProps) {
  if (conflicts.length === 0) return null;
  return (
    <div className="cd-notice" role="alert" aria-label="Changes to settle from a sync">
      <strong>From the last sync:</strong>
      <ul className="cd-notice-list">
        {conflicts.map((c, i) => (
          <li key={`${c.field}-${i}`}>{describe(c, titleOf)}.</li>
        ))}
      </ul>
      <button type="button" className="cd-link-button" onClick={onOpenSchema}>
        Review the schema
      </button>{' '}
      (saving it settles these).
    </div>
  );
}

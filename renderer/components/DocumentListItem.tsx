/**
 * One row of the document list (role="option"): title, source file and date, length,
 * annotation count and status (of the analyst's own layer; with the other annotators' and the
 * curated layer's as chips once there are any, #11). Fixed height, absolutely placed by the windowed list. Its
 * accessible name is the title alone, so tests and screen readers find it by title.
 */
import { memo } from 'react';
import type { DocumentRow } from '../../shared/model/types';
import { formatDate, formatQuantity } from '../util/format';
import { LayerChips } from './LayerChips';

export type DocumentListItemProps = Readonly<{
  row: DocumentRow;
  index: number;
  setSize: number;
  top: number;
  height: number;
  isActive: boolean;
  isSelected: boolean;
  onPick: (id: string, index: number) => void;
}>;

/** The DOM id of a document's option, for aria-activedescendant. */
export const optionId = (docId: string) => `doc-option-${docId}`;

/** Renders one document row. */
export const DocumentListItem = memo(function DocumentListItem(props: DocumentListItemProps) {
  const { row, index, setSize, top, height, isActive, isSelected, onPick } = props;
  const id = optionId(row.id);
  const dated = row.publishedAt ?? row.importedAt;
  const dateTitle = row.publishedAt ? `Published ${row.publishedAt}` : `Imported ${row.importedAt}`;
  const classes = ['cd-docrow', isActive ? 'is-active' : '', isSelected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <div
      role="option"
      id={id}
      aria-selected={isSelected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-meta ${id}-foot`}
      className={classes}
      style={{ top, height }}
      onClick={() => onPick(row.id, index)}
    >
      <div className="cd-docrow-title" id={`${id}-title`} title={row.title}>
        {row.title}
      </div>
      <div className="cd-docrow-meta" id={`${id}-meta`}>
        <span className="cd-docrow-file" title={row.sourceName}>
          {row.sourceName}
        </span>
        <time dateTime={dated} title={dateTitle}>
          {formatDate(dated)}
        </time>
      </div>
      <div className="cd-docrow-foot" id={`${id}-foot`}>
        <span>{formatQuantity(row.length, 'char')}</span>
        <span className={row.annotationCount === 0 ? 'cd-muted' : ''}>{formatQuantity(row.annotationCount, 'annotation')}</span>
        <LayerChips row={row} />
      </div>
    </div>
  );
});

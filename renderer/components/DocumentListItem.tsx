/**
 * One row of the document list (role="option"): title, source file and date (saying whether it
 * is the publication or the import date, document-list-order.ts), length,
 * annotation count and status (of the analyst's own layer; with the other annotators' and the
 * curated layer's as chips once there are any, #11). Fixed height, absolutely placed by the windowed list. Its
 * accessible name is the title alone, so tests and screen readers find it by title.
 */
import { memo } from 'react';
import type { DocumentRow } from '../../shared/model/types';
import { formatDate, formatQuantity } from '../util/format';
import { DATE_KIND_LABELS, shownDate } from './document-list-order';
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
  const date = shownDate(row);
  const dateKind = DATE_KIND_LABELS[date.kind];
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
        <span className="cd-docrow-date" title={`${dateKind} ${date.iso}`}>
          <span className="cd-docrow-datekind">{dateKind}</span> <time dateTime={date.iso}>{formatDate(date.iso)}</time>
        </span>
      </div>
      <div className="cd-docrow-foot" id={`${id}-foot`}>
        <span>{formatQuantity(row.length, 'char')}</span>
        <span className={row.annotationCount === 0 ? 'cd-muted' : ''}>{formatQuantity(row.annotationCount, 'annotation')}</span>
        <LayerChips row={row} />
      </div>
    </div>
  );
});

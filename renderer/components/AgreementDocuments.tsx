/**
 * The Agreement view's documents (#11), from least to most agreement (as the service ordered
 * them), each with its figure for the chosen measure; its title is a button that opens it for curation.
 */
import type { CSSProperties } from 'react';
import type { DocumentAgreement } from '../../shared/agreement';
import { figureShade, formatFigure, measureName, type Measure } from './agreement-figures';

export type AgreementDocumentsProps = Readonly<{
  documents: readonly DocumentAgreement[];
  measure: Measure;
  onOpenInCuration: (docId: string) => void;
}>;

/** Renders the list "Documents, least agreement first". */
export function AgreementDocuments({ documents, measure, onOpenInCuration }: AgreementDocumentsProps) {
  if (documents.length === 0) return <p className="cd-muted cd-agree-none">No document has two annotators’ layers yet.</p>;
  return (
    <ol className="cd-agree-docs" aria-label="Documents, least agreement first">
      {documents.map((d) => {
        const figure = d.overall[measure];
        const shade = figureShade(figure);
        return (
          <li key={d.docId} className="cd-agree-doc">
            <span
              className={shade ? 'cd-agree-cell cd-agree-doc-figure' : 'cd-agree-cell cd-agree-doc-figure is-undefined'}
              style={shade ? ({ '--shade': shade } as CSSProperties) : undefined}
              title={`${measureName(measure)} over the pairs that share this document`}
            >
              {formatFigure(figure)}
            </span>
            <button
              type="button"
              className="cd-link-button cd-agree-doc-title"
              title={`${d.title}: open it in curation`}
              onClick={() => onOpenInCuration(d.docId)}
            >
              {d.title}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

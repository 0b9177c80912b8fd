/**
 * The window's left column: the Documents / Annotations tabs with the document list or the open
 * document's annotations, or, in curation mode (#11), the curation candidates panel instead.
 * Holds which tab is chosen; opening and selecting are the window's.
 */
import { useState } from 'react';
import type { DocId, DocumentData, DocumentRow, Schema } from '../../shared/model/types';
import type { Curation } from '../hooks/use-curation';
import { AnnotationSidebar } from './AnnotationSidebar';
import { CurationPanel } from './CurationPanel';
import { DocumentList } from './DocumentList';

export type LeftPaneProps = Readonly<{
  curation: Curation;
  /** The open document, or null. */
  doc: DocumentData | null;
  schema: Schema | null;
  /** The document list (null until it arrives) and this window's patches over it. */
  rows: readonly DocumentRow[] | null;
  patches: ReadonlyMap<DocId, DocumentRow>;
  openId: DocId | null;
  /** The selected annotation's id, or null. */
  selectedId: string | null;
  onOpen: (id: DocId) => void;
  onNeighbours: (ids: readonly DocId[]) => void;
  onSelect: (id: string | null) => void;
}>;

/** The left column of the window. */
export function LeftPane({ curation, doc, schema, rows, patches, openId, selectedId, onOpen, onNeighbours, onSelect }: LeftPaneProps) {
  const [leftTab, setLeftTab] = useState<'documents' | 'annotations'>('documents');
  return (
    <div className="cd-left">
      {curation.isActive && doc && schema ? (
        <CurationPanel curation={curation} title={doc.title} schema={schema} />
      ) : (
        <>
          <div className="cd-tabs" role="tablist" aria-label="Left panel">
            {(['documents', 'annotations'] as const).map((tab) => (
              <button key={tab} type="button" role="tab" aria-selected={leftTab === tab} className="cd-tab" onClick={() => setLeftTab(tab)}>
                {tab === 'documents' ? 'Documents' : 'Annotations'}
              </button>
            ))}
          </div>
          {leftTab === 'documents' || !doc || !schema ? (
            <DocumentList rows={rows} patches={patches} openId={openId} onOpen={onOpen} onNeighbours={onNeighbours} />
          ) : (
            <AnnotationSidebar doc={doc} schema={schema} selectedId={selectedId} onSelect={onSelect} />
          )}
        </>
      )}
    </div>
  );
}

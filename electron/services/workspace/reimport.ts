/**
 * Re-importing a document's source with another character encoding (#12 defect 14): the analyst
 * picks the original file again (its SHA-256 must be the one recorded at import, so no other
 * file can replace the article), the importer decodes it with the chosen encoding, and the
 * article (text, blocks, title, metadata) and its index row are replaced. Annotations point into
 * the text by offsets, so a document with annotations is re-imported only when the text stays
 * the same; otherwise the request is refused with what to do. Never touches the layers.
 */
import { ApiError } from '../../../shared/api';
import { articleOf } from '../../../shared/model/layers';
import type { DocId, DocumentData } from '../../../shared/model/types';
import { importArticle } from '../importers';
import { ImportError } from '../importers/types';
import { timeSlicer } from '../store/time-slice';
import type { DocumentStore } from './document-store';
import { sha256InSlices } from './imports';
import { rowOf } from './files';

/**
 * Replaces a document's article with its source decoded as `encoding`.
 * @param annotationCount how many annotations the document has, over all its layers
 * @throws ApiError NOT_FOUND (unknown document), INVALID_INPUT (another file, an unknown encoding,
 *   a format without encodings), CONFLICT (annotations would move; read-only workspace)
 */
export async function reimportWithEncoding(
  store: DocumentStore,
  docId: DocId,
  encoding: string,
  bytes: Uint8Array,
  annotationCount: number,
): Promise<void> {
  store.assertWritable();
  const pause = timeSlicer();
  const before = await store.article(docId);
  const { meta } = before;
  if (meta.format === 'docx' || meta.format === 'pdf')
    throw new ApiError(
      'INVALID_INPUT',
      `${meta.sourceName} is a ${meta.format.toUpperCase()} file: only text files (.txt, .md, .html) have an encoding to choose`,
    );
  if ((await sha256InSlices(bytes, pause)) !== meta.sha256)
    throw new ApiError(
      'INVALID_INPUT',
      `that file is not ${meta.sourceName} as it was imported (its content differs): choose the file this document was imported from`,
    );
  let article;
  try {
    article = await importArticle(meta.sourceName, bytes, pause, { encoding });
  } catch (error) {
    if (error instanceof ImportError) throw new ApiError('INVALID_INPUT', error.message);
    throw error;
  }
  if (annotationCount > 0 && article.text !== before.text)
    throw new ApiError(
      'CONFLICT',
      `${meta.sourceName} has ${annotationCount} annotation${annotationCount === 1 ? '' : 's'}, and decoding it as ${encoding} changes the text under them: remove the annotations first, or import the file again as a new document`,
    );
  const { warnings: _old, ...kept } = meta;
  const doc: Pick<DocumentData, 'id' | 'title' | 'meta' | 'text' | 'blocks'> = {
    id: docId,
    title: article.title,
    text: article.text,
    blocks: article.blocks,
    meta: { ...kept, ...article.meta, ...(article.warnings.length > 0 ? { warnings: article.warnings } : {}) },
  };
  await store.run(async () => {
    await store.replaceArticle(articleOf(doc), rowOf(doc));
    await store.commitIndex();
  });
}

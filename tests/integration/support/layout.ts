/**
 * The workspace layout on disk (format 2) as the integration tests read and tamper with it,
 * spelled out here rather than taken from the service, so that a test notices when the service
 * writes somewhere else: an article file and one layer file per annotator per document, backups
 * per layer. One home for these paths in the tests.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layerFileName, type ArticleFile, type LayerFile } from '../../../shared/model/layers';

/** The analyst the tests annotate as (their layer), unless a test needs two. */
export const ANALYST = 'analyst';

/** `documents/<id>/`. */
export const documentFolder = (dir: string, docId: string): string => join(dir, 'documents', docId);

/** `documents/<id>/article.json`. */
export const articleFile = (dir: string, docId: string): string => join(documentFolder(dir, docId), 'article.json');

/** `documents/<id>/layers/<enc>.json`, or `documents/<id>/curated.json` for the curated layer. */
export const layerFile = (dir: string, docId: string, layer: string = ANALYST): string =>
  layer === 'curated' ? join(documentFolder(dir, docId), 'curated.json') : join(documentFolder(dir, docId), 'layers', layerFileName(layer));

/** `.backups/<id>/layers/<enc without .json>/`: the earlier versions of one annotator's layer. */
export const layerBackups = (dir: string, docId: string, layer: string = ANALYST): string =>
  layer === 'curated'
    ? join(dir, '.backups', docId, 'curated')
    : join(dir, '.backups', docId, 'layers', layerFileName(layer).slice(0, -'.json'.length));

/** A layer file as stored. */
export const readLayerFile = async (dir: string, docId: string, layer: string = ANALYST): Promise<LayerFile> =>
  JSON.parse(await readFile(layerFile(dir, docId, layer), 'utf8')) as LayerFile;

/** An article file as stored. */
export const readArticleFile = async (dir: string, docId: string): Promise<ArticleFile> =>
  JSON.parse(await readFile(articleFile(dir, docId), 'utf8')) as ArticleFile;

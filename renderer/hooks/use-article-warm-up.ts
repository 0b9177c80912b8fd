/**
 * Warms the article view at the first idle moment while no document is open (#14; see
 * editor/warm-up.ts), so the analyst's first open costs what every later one does.
 */
import { useEffect } from 'react';
import type { DocId, Schema } from '../../shared/model/types';
import { warmUpArticleView } from '../editor/warm-up';

/**
 * @param schema the workspace's schema (its labels are drawn), or null until known
 * @param openId the open document: with one open, the view is warm already
 */
export function useArticleWarmUp(schema: Schema | null, openId: DocId | null): void {
  useEffect(() => {
    if (schema === null || openId !== null) return;
    const idle = requestIdleCallback(() => warmUpArticleView(schema));
    return () => cancelIdleCallback(idle);
  }, [schema, openId]);
}

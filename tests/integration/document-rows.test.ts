/**
 * The document list's rows on a real workspace (#14): a row is made again only when what it
 * shows changed (its layers, its index row, the viewer), so that a 5,000-document list is
 * answered without rebuilding every row; and a row never shows stale counts, whatever changed
 * (a save, another annotator's layer, a layer file changed behind the workspace, a deletion).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import type { Annotation, DocumentRow } from '../../shared/model/types';
import { SAMPLES, tempDir } from './support/temp';

const T = '2026-12-06T10:00:00.000Z';

describe('document rows', () => {
  it('are the same objects until what they show changes, and always show the layers as they are', async () => {
    const root = await tempDir();
    const ws = await Workspace.open(root, { mergeDriver: null });
    try {
      const report = await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt'), join(SAMPLES, 'heatwave-grid-warning.md')]);
      const [envoy, heat] = report.imported.map((e) => e.row.id) as [string, string];
      const { text } = await ws.readDocument(envoy, null);
      const span = (id: string, quote: string, author: string): Annotation => {
        const start = text.indexOf(quote);
        return { id, label: 'Source', start, end: start + quote.length, quote, attributes: {}, author, createdAt: T, updatedAt: T };
      };
      const rowOf = (rows: readonly DocumentRow[], id: string) => rows.find((r) => r.id === id)!;

      const first = ws.listDocuments('ann');
      // What the list shows and nothing only the store uses: the hashes are a fifth of a big list's bytes,
      // and the viewer's label counts are sent once, in their layer's summary (twice, they were an eighth).
      expect(Object.keys(rowOf(first, envoy)).sort()).toEqual(
        ['annotationCount', 'id', 'importedAt', 'layer', 'layers', 'length', 'sourceName', 'status', 'title'].sort(),
      );
      const again = ws.listDocuments('ann');
      expect(rowOf(again, envoy)).toBe(rowOf(first, envoy));
      expect(rowOf(again, heat)).toBe(rowOf(first, heat));

      // A save: that document's row is new and counts it; the other's is kept as it was.
      await ws.applyChanges(envoy, 'ann', [{ op: 'addAnnotation', annotation: span('a1', 'Christopher Hill', 'ann') }]);
      const saved = ws.listDocuments('ann');
      expect(rowOf(saved, envoy)).toMatchObject({ annotationCount: 1, layer: 'ann', layers: { ann: { labelCounts: { Source: 1 } } } });
      expect(rowOf(saved, heat)).toBe(rowOf(first, heat));

      // Another annotator's layer shows among the layers; their own view shows their counts.
      await ws.applyChanges(envoy, 'bob', [
        { op: 'addAnnotation', annotation: span('b1', 'Hill', 'bob') },
        { op: 'addAnnotation', annotation: span('b2', 'Aso', 'bob') },
      ]);
      expect(Object.keys(rowOf(ws.listDocuments('ann'), envoy).layers).sort()).toEqual(['ann', 'bob']);
      expect(rowOf(ws.listDocuments('bob'), envoy)).toMatchObject({ annotationCount: 2, layer: 'bob' });
      expect(rowOf(ws.listDocuments('ann'), envoy)).toMatchObject({ annotationCount: 1, layer: 'ann' });

      // A layer file changed behind the workspace (a git pull) and noticed: the row follows.
      const path = join(root, 'documents', envoy, 'layers', 'ann.json');
      const layer = JSON.parse(await readFile(path, 'utf8')) as { annotations: Annotation[] };
      layer.annotations.push(span('a2', 'Aso', 'ann'));
      await writeFile(path, JSON.stringify(layer, null, 2));
      ws.refreshLayers();
      expect(rowOf(ws.listDocuments('ann'), envoy)).toMatchObject({ annotationCount: 2, layers: { ann: { labelCounts: { Source: 2 } } } });

      // A deleted document leaves the list.
      await ws.deleteDocument(heat);
      expect(ws.listDocuments('ann').map((r) => r.id)).toEqual([envoy]);
    } finally {
      await ws.close();
    }
  });
});

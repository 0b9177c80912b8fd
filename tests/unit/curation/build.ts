/**
 * Test builders for curation: one document's layers written as tagged texts of the same text
 * (see tests/unit/support/make-doc.ts), so positions are tagged, never counted by hand, and a
 * stamp with counted ids. Test-only.
 */
import type { Stamp } from '../../../shared/model/commands';
import type { DocumentData } from '../../../shared/model/types';
import type { LayerContent } from '../../../shared/curation';
import { makeDoc, type TagLabel, type TagLink } from '../support/make-doc';

/** One layer as a tagged text, the labels of its tags, and its links. */
export type TaggedLayer = readonly [tagged: string, labels: Readonly<Record<string, TagLabel>>, links?: readonly TagLink[]];

/**
 * The layers of one document, by annotator, and the document (text, blocks) with no annotations.
 * @throws RangeError when two layers' texts differ (a typo in a test)
 */
export function taggedLayers(layers: Readonly<Record<string, TaggedLayer>>): { layers: Record<string, LayerContent>; article: DocumentData } {
  let article: DocumentData | null = null;
  const out: Record<string, LayerContent> = {};
  for (const [name, [tagged, labels, links]] of Object.entries(layers)) {
    const doc = makeDoc(tagged, labels, { links: links ?? [] });
    if (article !== null && doc.text !== article.text) throw new RangeError(`${name}'s layer has another text`);
    article ??= { ...doc, annotations: [], relations: [] };
    // Ids differ between layers in real workspaces; here they are prefixed with the annotator.
    const id = (x: string) => `${name}-${x}`;
    out[name] = {
      annotations: doc.annotations.map((a) => ({ ...a, id: id(a.id), author: name })),
      relations: doc.relations.map((r) => ({ ...r, id: id(r.id), from: id(r.from), to: id(r.to), author: name })),
    };
  }
  if (article === null) throw new RangeError('no layers');
  return { layers: out, article };
}

/** A stamp for `author` whose ids count up: c1, c2, … */
export function countingStamp(author = 'cur'): Stamp {
  let n = 0;
  return { author, now: '2026-02-01T00:00:00Z', newId: () => `c${++n}` };
}

/**
 * The workbench benchmark's single-document cases: which documents are generated, the workspace
 * they are stored in (with, for the layered case, two more annotators' layers of the same
 * article: the team feature, #11), what each case is checked against, and the lower bound's page.
 * Must not depend on the renderer: it runs in Node.
 */
import { Workspace } from '../electron/services/workspace';
import type { Annotation, DocumentData } from '../shared/model/types';
import { expectedPerBlock, generateBenchDocument, lowerBoundHtml, type Sample } from './corpus';

/** Which budgets a case is held to: the typical article's, the 100 KB one's, or the long article's. */
export type CaseSize = 'small' | 'medium' | 'large';

/** A single-document case. */
export type DocCase = Readonly<{
  /** What BENCH_CASES names it by. */
  key: string;
  name: string;
  size: CaseSize;
  doc: DocumentData;
  /** Highlights per block, and annotations in all, of the analyst's layer (what the article shows). */
  expected: number[];
  total: number;
  html: string;
  /** Whether the annotation sidebar is measured on it. */
  withSidebar: boolean;
  /** A document of the same size right after it in the list (to move to with the keyboard), if the case has one. */
  next?: Readonly<{ doc: DocumentData; expected: number[]; total: number }>;
}>;

/** The other annotators of the layered case. */
const OTHER_ANNOTATORS = ['bench-ana', 'bench-ben'] as const;

/** `index` seeds the generator: the layered case is the 1 MB article again (another title, so another document), so that its adds and undos tag the same words. */
type Spec = Readonly<{
  key: string;
  name: string;
  index: number;
  size: CaseSize;
  bytes: number;
  annotations: number;
  layers: number;
  withSidebar: boolean;
}>;

const SPECS: readonly Spec[] = [
  { key: '5kb', name: '5 KB / 50', index: 0, size: 'small', bytes: 5_000, annotations: 50, layers: 1, withSidebar: false },
  { key: '100kb', name: '100 KB / 1,000', index: 1, size: 'medium', bytes: 100_000, annotations: 1_000, layers: 1, withSidebar: false },
  { key: '1mb', name: '1 MB / 10,000', index: 2, size: 'large', bytes: 1_000_000, annotations: 10_000, layers: 1, withSidebar: true },
  { key: 'layers', name: '1 MB / 10,000, 3 layers', index: 2, size: 'large', bytes: 1_000_000, annotations: 10_000, layers: 3, withSidebar: false },
];

/**
 * Another annotator's layer of the same article: most of the analyst's spans (every fifth left
 * out, every seventh given another label), under their own ids, so that the layers differ as
 * two annotators' do.
 */
function otherLayer(doc: DocumentData, annotator: string, shift: number): DocumentData {
  const labels = ['Claim', 'Source', 'Cue', 'Evidence', 'Entity'];
  const annotations: Annotation[] = doc.annotations
    .filter((_a, i) => (i + shift) % 5 !== 0)
    .map((a, i) => ({
      ...a,
      id: `${a.id}-${annotator}`,
      author: annotator,
      label: (i + shift) % 7 === 0 ? labels[(labels.indexOf(a.label) + 1) % labels.length]! : a.label,
      attributes: {},
    }));
  return { ...doc, annotations, relations: [] };
}

/**
 * Generates the cases' documents and stores them in the workspace at `dir`, in list order.
 * @param analyst the layer the host opens (the analyst's own)
 */
export async function docCases(
  samples: readonly Sample[],
  dir: string,
  seed: number,
  analyst: { annotator: string; fallback: string },
): Promise<DocCase[]> {
  const generate = (s: Spec, index: number, title: string) =>
    generateBenchDocument(samples, { index, seed, bytes: s.bytes, annotations: s.annotations, title, variant: s.key });
  const docs = SPECS.map((s) => generate(s, s.index, `Bench ${s.name}`));
  // The typical article's neighbour in the list, for moving to the next document with the keyboard.
  const next = generate(SPECS[0]!, SPECS.length, `Bench ${SPECS[0]!.name} (next)`);
  const ws = await Workspace.open(dir);
  try {
    const stored = [docs[0]!, next, ...docs.slice(1)];
    const report = await ws.importAnnotatedDocuments(
      stored.map((doc) => ({ name: doc.meta.sourceName, doc })),
      analyst,
    );
    if (report.imported.length !== stored.length) throw new Error('could not store the benchmark documents');
    for (const [i, s] of SPECS.entries())
      for (const [k, annotator] of OTHER_ANNOTATORS.slice(0, s.layers - 1).entries()) {
        const layer = otherLayer(docs[i]!, annotator, k + 1);
        const added = await ws.importAnnotatedDocuments([{ name: layer.meta.sourceName, doc: layer }], { annotator, fallback: annotator });
        if (added.failed.length > 0) throw new Error(`could not store ${annotator}'s layer: ${added.failed[0]!.reason}`);
      }
  } finally {
    await ws.close();
  }
  const shown = (doc: DocumentData) => ({ doc, expected: expectedPerBlock(doc), total: doc.annotations.filter((a) => a.start < a.end).length });
  return SPECS.map((s, i) => ({
    key: s.key,
    name: s.name,
    size: s.size,
    withSidebar: s.withSidebar,
    ...shown(docs[i]!),
    html: lowerBoundHtml(docs[i]!),
    ...(i === 0 ? { next: shown(next) } : {}),
  }));
}

/** The lower bound's page: the reader column's type, at the workbench article's width. */
export function lowerBoundShell(width: number): string {
  const colors: Record<string, string> = { Claim: '#f5a524', Source: '#3b82f6', Cue: '#8a8f98', Evidence: '#22a06b', Entity: '#9b5de5' };
  const marks = Object.entries(colors)
    .map(([l, c]) => `mark.l-${l}{background:color-mix(in srgb, ${c} 17%, transparent);border-bottom:2px solid ${c};color:inherit}`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}#scroller{position:fixed;inset:0;overflow-y:auto}
#lb{width:${width}px;margin:0 auto;padding:48px 48px 160px;font-family:Charter,'Bitstream Charter','Noto Serif','DejaVu Serif',serif;font-size:19px;line-height:1.78;color:#22211f}
${marks}</style></head><body><div id="scroller"><div id="lb"></div></div></body></html>`;
}

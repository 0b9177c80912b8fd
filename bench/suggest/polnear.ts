/**
 * Reads PolNeAR (networkdynamics/PolNeAR: political news, brat standoff, code-point offsets) as
 * the suggestions bench's gold: per article, its text, Claimdesk's blocks for it (the plain-text
 * importer's paragraphs) and the spans and links of the first annotator listed for it in
 * metadata.tsv, mapped onto the default schema (Content → Claim, Source → Source, Cue → Cue; per
 * attribution, attributed_to Content → Source and has_cue Content → Cue). Attribution (a copy of
 * the cue), Discard and every other label are left out. The corpus is never copied anywhere: the
 * bench reads it from the folder it is given.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { offsetMap } from '../../shared/anchoring/code-points';
import { blocksOfPlainText } from '../../shared/formats/brat';
import type { Block } from '../../shared/model/types';
import { ATTRIBUTED_TO, CLAIM_LABEL, CUE_LABEL, HAS_CUE, SOURCE_LABEL } from '../../shared/model/vocabulary';
import type { Annotated, BenchLink, BenchSpan } from './score';

/** The corpus's splits, as its data folder names them. */
export const POLNEAR_SPLITS = ['train', 'dev', 'test'] as const;
export type PolnearSplit = (typeof POLNEAR_SPLITS)[number];

/** One article: its text (UTF-16, as Claimdesk holds it), blocks, and gold in code points. */
export type PolnearArticle = Readonly<{ name: string; annotator: string; text: string; blocks: readonly Block[]; gold: Annotated }>;

/** PolNeAR's span labels, as the default schema names them. */
const LABEL_OF: Readonly<Record<string, string>> = { Content: CLAIM_LABEL, Source: SOURCE_LABEL, Cue: CUE_LABEL };
/** An attribution's roles that become links from its Content, and the link each makes. */
const LINK_OF_ROLE: Readonly<Record<string, string>> = { Source: ATTRIBUTED_TO, Cue: HAS_CUE };

/**
 * Reads a PolNeAR .ann against its text: T lines (a discontinuous span "a b;c d" as [min, max)),
 * and E lines `E1<TAB>Attribution:T5 Content:T4 Cue:T3 Source:T2`, any role missing. Lines of
 * other kinds, and the continuation lines of a T line whose text runs over a line break, are skipped.
 * @param file the .ann's name, for messages
 * @returns the gold spans (code points) and links; a link is made only when its E line has a Content and that role
 * @throws Error naming the file and line when a T line is malformed, its offsets fall outside the
 *   text or its text field does not match the text there, or an E line names a T no line defines
 */
export function parsePolnearAnn(text: string, ann: string, file: string): Annotated {
  const map = offsetMap(text);
  const spans: BenchSpan[] = [];
  const indexOf = new Map<string, number>();
  const known = new Set<string>();
  const events: { line: number; roles: Map<string, string> }[] = [];
  ann.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const fail = (why: string): never => {
      throw new Error(`${file}:${line}: ${why}; is this PolNeAR's attributions folder (brat standoff)?`);
    };
    const [id = '', body = '', ...rest] = raw.replace(/\r$/, '').split('\t');
    const field = rest.length > 0 ? rest.join('\t') : undefined;
    if (/^T\d+$/.test(id)) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!m || field === undefined) return fail(`${id} is not a text-bound line ("T1<TAB>Label START END<TAB>text")`);
      known.add(id);
      let low = Infinity;
      let high = -Infinity;
      for (const [s, e] of m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number])) {
        if (s >= e || e > map.codePointLength) fail(`${id}: ${s} ${e} is empty or outside the text (${map.codePointLength} code points)`);
        low = Math.min(low, s);
        high = Math.max(high, e);
      }
      // The text field holds the fragments joined by a space, cut at the first line break (the rest is on the next lines).
      const first = m[2]!.split(';')[0]!.split(' ').map(Number) as [number, number];
      const expected = text.slice(map.utf16FromCodePoint(first[0]), map.utf16FromCodePoint(first[1])).split('\n')[0]!;
      if (!field.startsWith(expected)) fail(`${id}: the text field does not match the text at ${m[2]} (offsets in code points?)`);
      const label = LABEL_OF[m[1]!];
      if (label === undefined) return;
      indexOf.set(id, spans.push({ label, start: low, end: high }) - 1);
    } else if (/^E\d+$/.test(id)) {
      const roles = new Map<string, string>();
      for (const arg of body.split(' ').filter((a) => a !== '')) {
        const m = /^([^:]+):(T\d+)$/.exec(arg);
        if (!m) return fail(`${id}: "${arg}" is not a role ("Role:T1")`);
        roles.set(m[1]!, m[2]!);
      }
      events.push({ line, roles });
    }
  });
  const links: BenchLink[] = [];
  for (const { line, roles } of events) {
    for (const t of roles.values()) if (!known.has(t)) throw new Error(`${file}:${line}: names ${t}, which no T line defines`);
    const content = indexOf.get(roles.get('Content') ?? '');
    if (content === undefined) continue;
    for (const [role, type] of Object.entries(LINK_OF_ROLE)) {
      const to = indexOf.get(roles.get(role) ?? '');
      if (to !== undefined) links.push({ type, from: content, to });
    }
  }
  return { spans, links };
}

/**
 * Reads metadata.tsv: for each article (its `filename`), the annotators listed in its
 * `annotators` column (separated by "|"), in the order listed.
 * @throws Error when the header has no filename or annotators column
 */
export function annotatorsOf(tsv: string): Map<string, string[]> {
  const [header = '', ...rows] = tsv.split('\n');
  const columns = header.replace(/\r$/, '').split('\t');
  const name = columns.indexOf('filename');
  const annotators = columns.indexOf('annotators');
  if (name < 0 || annotators < 0) throw new Error('metadata.tsv has no "filename" or "annotators" column: give the folder holding PolNeAR\'s data');
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const cells = row.replace(/\r$/, '').split('\t');
    if (cells[name])
      out.set(
        cells[name],
        (cells[annotators] ?? '').split('|').filter((a) => a !== ''),
      );
  }
  return out;
}

/**
 * Finds PolNeAR's data folder under `dir`: `dir` itself or its `data` folder, whichever holds metadata.tsv.
 * @throws Error saying what to give when neither does
 */
async function dataFolder(dir: string): Promise<{ root: string; metadata: string }> {
  for (const root of [dir, join(dir, 'data')]) {
    try {
      return { root, metadata: await readFile(join(root, 'metadata.tsv'), 'utf8') };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new Error(`${dir} holds no metadata.tsv (nor does ${join(dir, 'data')}): give PolNeAR's folder (the one with data/{train,dev,test})`);
}

/**
 * Loads one split: every text of `<data>/<split>/text`, with the .ann of its first listed annotator.
 * @param dir PolNeAR's folder or its data folder
 * @returns the articles in file-name order
 * @throws Error when the folder is not PolNeAR's, an article has no annotator in metadata.tsv or no .ann by its first one, or an .ann is malformed
 */
export async function loadPolnearSplit(dir: string, split: PolnearSplit): Promise<PolnearArticle[]> {
  const { root, metadata } = await dataFolder(dir);
  const annotators = annotatorsOf(metadata);
  const textDir = join(root, split, 'text');
  const names = (await readdir(textDir)).filter((f) => f.endsWith('.txt')).sort();
  const articles: PolnearArticle[] = [];
  for (const txt of names) {
    const name = txt.slice(0, -'.txt'.length);
    const annotator = annotators.get(name)?.[0];
    if (annotator === undefined) throw new Error(`${join(textDir, txt)}: metadata.tsv lists no annotator for ${name}`);
    const annFile = join(root, split, 'attributions', `${name}_${annotator}.ann`);
    const text = await readFile(join(textDir, txt), 'utf8');
    const ann = await readFile(annFile, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw new Error(`${annFile} is missing: metadata.tsv lists ${annotator} first for ${name}`);
      throw err;
    });
    articles.push({ name, annotator, text, blocks: blocksOfPlainText(text), gold: parsePolnearAnn(text, ann, annFile) });
  }
  return articles;
}

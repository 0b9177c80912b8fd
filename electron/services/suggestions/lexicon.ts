/**
 * The workspace lexicon (#15): the cue phrases (Cue annotations' text) and source names (Source
 * and Entity annotations' text) that the workspace's analysts tagged by hand (annotations without
 * an origin: accepted suggestions do not feed the engine its own output), from every layer of
 * every document, lower-cased, each once, most frequent first and capped. The engine reads it
 * like its own word lists, everywhere in the workspace, so one stray tag must not reach it: an
 * entry counts only once tagged by hand at least twice (MIN_TAGS: in one document or two), and
 * function words, one-letter and punctuation-only entries never count (STOP_WORDS).
 *
 * Built lazily, once per workspace, reading only the documents whose layer summaries count a Cue,
 * Source or Entity (the layer cache knows that without opening anything); then kept up to date
 * from the change feed: a change that names a document re-reads that document only, and changes
 * other programs made (a git pull; the workspace's externalChanges) are picked up the same way.
 * Its version changes only when its words do, so cached suggestions stay valid across edits that
 * do not touch them (the same words in another frequency order keep it). Never writes.
 */
import type { ChangeEvent } from '../../../shared/api';
import { countOf } from '../../../shared/model/keys';
import { CUE_LABEL, MENTION_LABELS } from '../../../shared/model/vocabulary';
import type { DocId, LayerSummary } from '../../../shared/model/types';
import type { Lexicon } from '../../../shared/suggest/types';
import type { Workspace } from '../workspace';
import type { VersionedLexicon } from './compute';

/** The most entries of each list (the most frequent are kept). */
export const LEXICON_CAP = 5000;

/** How many hand tags (over all documents and layers) an entry needs before it counts: one stray tag would otherwise steer every document. */
export const MIN_TAGS = 2;

/**
 * Function words that are never a cue or a source name on their own (a stray "the" tagged as a
 * cue would make every "the" one): articles, pronouns, prepositions, conjunctions, auxiliaries.
 * An entry made only of these words is left out; "the minister" is kept.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those some any each every no not ' +
    'i me my we us our you your he him his she her it its they them their who whom whose which what ' +
    'of in on at to for from by with about as into onto over under after before than then there here ' +
    'and or but nor so if because while when where ' +
    'is am are was were be been being do does did have has had will would shall should can could may might must'
  ).split(' '),
);

/** How often each word occurs in one document's layers, per list. */
type DocumentWords = Readonly<{ cues: ReadonlyMap<string, number>; sources: ReadonlyMap<string, number> }>;

/** Versions are unique across workspaces, so a cache keyed by version never mixes two workspaces' lexicons. */
let lastVersion = 0;

/** The lexicon of one open workspace. */
export class WorkspaceLexicon {
  private readonly words = new Map<DocId, DocumentWords>();
  /** Documents to read again before the next answer; 'all' until the first build and after a schema change. */
  private stale: Set<DocId> | 'all' = 'all';
  /** An import happened: documents not seen yet may have layers. */
  private hasNewDocuments = false;
  /** The revision up to which the workspace's external changes were taken in. */
  private seenRevision = -1;
  private current: VersionedLexicon = { version: 0, lexicon: { cues: [], sources: [] } };
  private building: Promise<VersionedLexicon> | null = null;

  constructor(readonly workspace: Workspace) {}

  /** Marks what a change named as to be read again (see the module comment). */
  noteChange(event: Pick<ChangeEvent, 'kind' | 'docId'>): void {
    if (this.stale === 'all') return;
    if (event.kind === 'schema') this.stale = 'all';
    else if (event.docId !== undefined) this.stale.add(event.docId);
    else if (event.kind === 'import') this.hasNewDocuments = true;
  }

  /** The lexicon now, reading what changed since the last answer (calls at the same time share one read). */
  get(): Promise<VersionedLexicon> {
    this.building ??= this.update().finally(() => (this.building = null));
    return this.building;
  }

  private async update(): Promise<VersionedLexicon> {
    const ws = this.workspace;
    const info = ws.info();
    const todo = new Set<DocId>();
    if (this.stale === 'all') {
      ws.refreshLayers(); // layers a git pull brought into documents nobody has open are counted
      this.words.clear();
      for (const row of ws.listDocuments('')) todo.add(row.id);
    } else {
      for (const id of this.stale) todo.add(id);
      if (this.hasNewDocuments) for (const row of ws.listDocuments('')) if (!this.words.has(row.id)) todo.add(row.id);
    }
    for (const change of info.externalChanges) if (change.revision > this.seenRevision) todo.add(change.docId);
    this.stale = new Set();
    this.hasNewDocuments = false;
    this.seenRevision = info.revision;
    if (todo.size === 0) return this.current;
    for (const docId of todo) {
      const words = await this.readDocument(docId);
      if (words) this.words.set(docId, words);
      else this.words.delete(docId);
    }
    const lexicon = { cues: mostFrequent(this.words, 'cues'), sources: mostFrequent(this.words, 'sources') };
    if (!sameLexicon(lexicon, this.current.lexicon)) this.current = { version: ++lastVersion, lexicon };
    return this.current;
  }

  /** The hand-tagged words of one document's layers; null when it has none (or is gone, or cannot be read). */
  private async readDocument(docId: DocId): Promise<DocumentWords | null> {
    let summaries: Readonly<Record<string, LayerSummary>>;
    try {
      summaries = this.workspace.layers(docId);
    } catch {
      return null; // deleted (in the trash): it no longer counts
    }
    const layers = Object.entries(summaries)
      .filter(([, s]) => s.problem === undefined && [CUE_LABEL, ...MENTION_LABELS].some((l) => countOf(s.labelCounts, l) > 0))
      .map(([layer]) => layer);
    if (layers.length === 0) return null;
    const cues = new Map<string, number>();
    const sources = new Map<string, number>();
    try {
      for (const doc of await this.workspace.readLayers(docId, layers))
        for (const a of doc.annotations) {
          if (a.origin !== undefined) continue;
          const into = a.label === CUE_LABEL ? cues : MENTION_LABELS.has(a.label) ? sources : null;
          const word = lexiconWord(a.quote);
          if (into && word !== '') into.set(word, (into.get(word) ?? 0) + 1);
        }
    } catch (err) {
      // A layer that cannot be read is reported where it is opened; the lexicon goes on without it.
      console.warn(`Claimdesk suggestions: the lexicon leaves out document ${docId}: ${(err as Error).message}`);
      return null;
    }
    return { cues, sources };
  }
}

/**
 * A tagged text as a lexicon word: lower-cased, spaces collapsed, trimmed; '' when it can never be
 * an entry (one letter or digit at most, no letter or digit at all, or function words only: STOP_WORDS).
 */
export function lexiconWord(text: string): string {
  const word = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if ((word.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) return '';
  const tokens = word.split(/[^\p{L}\p{N}'’]+/u).filter((t) => t !== '');
  return tokens.every((t) => STOP_WORDS.has(t)) ? '' : word;
}

/** One list over every document: the entries tagged MIN_TAGS times or more, most frequent first (then in code-unit order), at most LEXICON_CAP. */
function mostFrequent(words: ReadonlyMap<DocId, DocumentWords>, list: keyof DocumentWords): string[] {
  const counts = new Map<string, number>();
  for (const doc of words.values()) for (const [word, n] of doc[list]) counts.set(word, (counts.get(word) ?? 0) + n);
  return [...counts]
    .filter(([, n]) => n >= MIN_TAGS)
    .sort(([a, m], [b, n]) => n - m || byCodeUnits(a, b))
    .slice(0, LEXICON_CAP)
    .map(([word]) => word);
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** True when both lexicons hold the same words: frequency order only decides what the cap keeps, so it alone never changes the version. */
const sameLexicon = (a: Lexicon, b: Lexicon): boolean => sameWords(a.cues, b.cues) && sameWords(a.sources, b.sources);

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort(byCodeUnits);
  const y = [...b].sort(byCodeUnits);
  return x.every((w, i) => w === y[i]);
}

/** The lexicon of whichever workspace is open (Electron's File > Open swaps it; a new one starts afresh). */
export class WorkspaceLexicons {
  private lexicon: WorkspaceLexicon | null = null;

  /** The open workspace's lexicon, built on first use. */
  of(workspace: Workspace): Promise<VersionedLexicon> {
    if (this.lexicon?.workspace !== workspace) this.lexicon = new WorkspaceLexicon(workspace);
    return this.lexicon.get();
  }

  /** Passes a change of the open workspace on to its lexicon (a feed listener). */
  noteChange(event: ChangeEvent): void {
    this.lexicon?.noteChange(event);
  }
}

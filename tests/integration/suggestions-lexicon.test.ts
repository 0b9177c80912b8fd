/**
 * The workspace lexicon (#15) on a real temp workspace, fed by a change feed over the service
 * API as the shells wire it: hand-tagged cues and source names from every layer, lower-cased and
 * deduplicated, accepted suggestions left out; an entry counts once tagged twice, function words
 * never; a change re-reads only the document it names; deletions and schema changes are taken in;
 * the lists are capped, most frequent first; and the service's suggestions are computed again when
 * (and only when) the lexicon's words change, with a tagged cue then suggested in another document.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServiceApi } from '../../electron/services/api';
import { openAppSettings } from '../../electron/services/app-paths';
import { ChangeFeed } from '../../electron/services/change-feed';
import { browserShell } from '../../electron/services/export/jobs';
import { SuggestionCache } from '../../electron/services/suggestions/compute';
import { LEXICON_CAP, WorkspaceLexicon } from '../../electron/services/suggestions/lexicon';
import { Workspace } from '../../electron/services/workspace';
import { layerPath } from '../../electron/services/workspace/files';
import { DEFAULT_SCHEMA } from '../../shared/model/default-schema';
import type { Operation } from '../../shared/model/operations';
import type { Annotation } from '../../shared/model/types';
import type { SuggestionSet } from '../../shared/suggest/types';
import { tempDir } from './support/temp';

const GRUMBLE = 'Minister Aso grumbled that the vote was rushed. The Treasury said nothing.';
const OTHER = 'Hill grumbled: the talks will resume. Aso muttered that prices rise.';

beforeAll(async () => {
  process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-lexicon-data-');
});

let ids = 0;
/** An annotation over the `nth` occurrence of `quote` in `text`, tagged by hand unless an origin is given. */
function tag(text: string, label: string, quote: string, origin?: string, nth = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new RangeError(`"${quote}" is not in the text`);
  const a: Annotation = {
    id: `t${++ids}`,
    label,
    start,
    end: start + quote.length,
    quote,
    attributes: {},
    author: 'ann',
    createdAt: 't0',
    updatedAt: 't0',
  };
  return origin === undefined ? a : { ...a, origin };
}
const add = (...annotations: Annotation[]): Operation[] => annotations.map((annotation) => ({ op: 'addAnnotation', annotation }));
/** The same tags again under new ids (for a second layer: an entry counts once tagged twice). */
const again = (ops: readonly Operation[]): Operation[] =>
  ops.map((op) => (op.op === 'addAnnotation' ? { ...op, annotation: { ...op.annotation, id: `t${++ids}` } } : op));

/** Two articles, the API over them as ann, and a lexicon listening to that API's writes through a change feed. */
async function setUp() {
  const dir = await tempDir();
  await writeFile(join(dir, 'grumble.txt'), GRUMBLE);
  await writeFile(join(dir, 'other.txt'), OTHER);
  const ws = await Workspace.open(join(dir, 'ws'), { mergeDriver: null });
  const [a, b] = (await ws.importPaths([join(dir, 'grumble.txt'), join(dir, 'other.txt')])).imported.map((r) => r.row.id);
  const settings = await openAppSettings();
  settings.db.data.author = 'ann';
  const feed = new ChangeFeed(() => ws.info().revision);
  const lexicon = new WorkspaceLexicon(ws);
  feed.subscribe((event) => lexicon.noteChange(event));
  const api = feed.publishing(createServiceApi({ current: ws }, settings, browserShell(ws.path)), undefined);
  const textOf = async (docId: string) => (await api.getDocument({ docId })).text;
  return { ws, api, lexicon, a: a!, b: b!, textOf };
}

describe('the workspace lexicon', () => {
  it('holds the hand-tagged cues and source names of every layer, lower-cased and once, not accepted suggestions', async () => {
    const { api, lexicon, a, b, textOf } = await setUp();
    const textA = await textOf(a);
    const tagsA = add(tag(textA, 'Cue', 'grumbled'), tag(textA, 'Source', 'Minister Aso'), tag(textA, 'Entity', 'The Treasury'));
    await api.applyChanges({ docId: a, ops: tagsA });
    await api.applyChanges({ docId: a, layer: 'curated', ops: [...again(tagsA), ...add(tag(textA, 'Claim', 'the vote was rushed'))] });
    const textB = await textOf(b);
    const tagsB = add(tag(textB, 'Cue', 'muttered', 'suggestion:reporting-verb'), tag(textB, 'Source', 'Hill'));
    await api.applyChanges({ docId: b, ops: tagsB });
    await api.applyChanges({ docId: b, layer: 'curated', ops: again(tagsB) }); // "muttered", accepted twice, still does not count
    const { lexicon: words } = await lexicon.get();
    expect(words.cues).toEqual(['grumbled']);
    expect([...words.sources].sort()).toEqual(['hill', 'minister aso', 'the treasury']);
  });

  it('re-reads only the document a change names, and takes in deletions and schema changes', async () => {
    const { ws, api, lexicon, a, b, textOf } = await setUp();
    const textA = await textOf(a);
    const tagsA = add(tag(textA, 'Cue', 'grumbled'), tag(textA, 'Source', 'Minister Aso'));
    await api.applyChanges({ docId: a, ops: tagsA });
    await api.applyChanges({ docId: a, layer: 'curated', ops: again(tagsA) });
    const first = await lexicon.get();
    expect(first.lexicon.cues).toEqual(['grumbled']);
    expect(await lexicon.get()).toBe(first); // nothing changed: the same lexicon, same version

    // Document a's layer is damaged behind Claimdesk's back: were it read again, its words would go.
    await writeFile(layerPath(ws.path, a, 'ann'), '{ not json');
    const textB = await textOf(b);
    const tagsB = add(tag(textB, 'Cue', 'grumbled'), tag(textB, 'Source', 'Hill'));
    await api.applyChanges({ docId: b, ops: tagsB });
    await api.applyChanges({ docId: b, layer: 'curated', ops: again(tagsB) });
    const second = await lexicon.get();
    expect(second.version).not.toBe(first.version);
    expect(second.lexicon.cues).toEqual(['grumbled']);
    expect([...second.lexicon.sources].sort()).toEqual(['hill', 'minister aso']);

    // A change that tags no cue or source keeps the version (cached suggestions stay valid).
    await api.applyChanges({ docId: b, ops: add(tag(textB, 'Claim', 'the talks will resume')) });
    expect((await lexicon.get()).version).toBe(second.version);

    await api.deleteDocument({ docId: b });
    expect((await lexicon.get()).lexicon).toEqual({ cues: ['grumbled'], sources: ['minister aso'] }); // b's words go; a is not read again

    // A schema change (labels may have been renamed) reads every document again: a's damaged layer is left out now,
    // and what its curated layer tags once no longer counts.
    await api.updateSchema({ schema: ws.info().schema, renamedLabels: {}, removedLabels: [] });
    expect((await lexicon.get()).lexicon).toEqual({ cues: [], sources: [] });
  });

  it('keeps at most LEXICON_CAP entries per list, most frequent first', async () => {
    const dir = await tempDir();
    const names = Array.from({ length: LEXICON_CAP + 2 }, (_, i) => `Name${i}`);
    const text = `${names.join(' ')} Zed Zed Zed said.`;
    await writeFile(join(dir, 'many.txt'), text);
    const ws = await Workspace.open(join(dir, 'ws'), { mergeDriver: null });
    const docId = (await ws.importPaths([join(dir, 'many.txt')])).imported[0]!.row.id;
    const doc = await ws.readDocument(docId, null);
    const tags = add(...names.map((n) => tag(doc.text, 'Source', `${n} `)), ...[0, 1, 2].map((i) => tag(doc.text, 'Source', 'Zed', undefined, i)));
    await ws.applyChanges(docId, 'ann', tags);
    await ws.applyChanges(docId, 'curated', again(tags));
    const { lexicon } = await new WorkspaceLexicon(ws).get();
    expect(lexicon.sources).toHaveLength(LEXICON_CAP);
    expect(lexicon.sources[0]).toBe('zed');
    await ws.close();
  });

  it('gives the engine a new lexicon version when a hand tag adds a word, so cached suggestions are computed again', async () => {
    const { api, lexicon, a, b, textOf } = await setUp();
    const cache = new SuggestionCache();
    const article = await api.getDocument({ docId: b });
    const before = await cache.suggestionsFor(article, await lexicon.get(), DEFAULT_SCHEMA);
    expect(await cache.suggestionsFor(article, await lexicon.get(), DEFAULT_SCHEMA)).toBe(before); // cached: the same set
    const grumbledAt = article.text.indexOf('grumbled');
    const cueOverGrumbled = (set: SuggestionSet) =>
      set.suggestions.some((s) => s.label === 'Cue' && s.start === grumbledAt && s.end === grumbledAt + 8);
    expect(cueOverGrumbled(before)).toBe(false); // no built-in list has "grumbled"
    const textA = await textOf(a);
    const grumbled = add(tag(textA, 'Cue', 'grumbled'));
    await api.applyChanges({ docId: a, ops: grumbled });
    await api.applyChanges({ docId: a, layer: 'curated', ops: again(grumbled) });
    const now = await lexicon.get();
    expect(now.lexicon.cues).toContain('grumbled');
    const after = await cache.suggestionsFor(article, now, DEFAULT_SCHEMA);
    expect(after).not.toBe(before); // computed again with "grumbled" in its lexicon
    expect(cueOverGrumbled(after)).toBe(true); // "Hill grumbled: …" in the other document now has its cue
  });

  it('takes a cue in only once tagged twice, and never a function word, one letter or punctuation', async () => {
    const { api, lexicon, a, b, textOf } = await setUp();
    const textA = await textOf(a);
    const textB = await textOf(b);
    // One stray tag of each: none counts.
    await api.applyChanges({ docId: a, ops: add(tag(textA, 'Cue', 'grumbled'), tag(textA, 'Cue', 'the'), tag(textA, 'Source', 'Minister Aso')) });
    expect((await lexicon.get()).lexicon).toEqual({ cues: [], sources: [] });
    // Twice (here in two documents) "grumbled" counts; function words, one letter and punctuation never do, however often.
    const noise = add(tag(textB, 'Cue', 'the'), tag(textB, 'Cue', ':'), tag(textB, 'Source', 'A'), tag(textB, 'Source', 'that'));
    await api.applyChanges({ docId: b, ops: [...add(tag(textB, 'Cue', 'grumbled')), ...noise] });
    await api.applyChanges({ docId: b, layer: 'curated', ops: again(noise) });
    expect((await lexicon.get()).lexicon).toEqual({ cues: ['grumbled'], sources: [] });
  });

  it('keeps the version when only the words’ frequency order changes', async () => {
    const { api, lexicon, b, textOf } = await setUp();
    const textB = await textOf(b);
    const both = add(tag(textB, 'Source', 'Aso'), tag(textB, 'Source', 'Hill'));
    await api.applyChanges({ docId: b, ops: both });
    await api.applyChanges({ docId: b, layer: 'curated', ops: again(both) });
    const first = await lexicon.get();
    expect(first.lexicon.sources).toEqual(['aso', 'hill']); // as often: in code-unit order
    await api.applyChanges({ docId: b, ops: add(tag(textB, 'Source', 'Hill')) }); // "Hill" once more: first now, no new word
    const second = await lexicon.get();
    expect(second.version).toBe(first.version); // the same words: cached suggestions stay valid
    expect([...second.lexicon.sources].sort()).toEqual(['aso', 'hill']);
  });
});

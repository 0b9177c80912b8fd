/**
 * The suggestions API (#15) over the open workspace: `getSuggestions` (turning suggestions on for
 * a document when asked, and computing them with the workspace lexicon, fitted to the schema) and
 * `rejectSuggestions`, and turning suggestions on for documents as they are imported. The reply is
 * never filtered by the layer's annotations: the caller does that with its live ones
 * (visibleSuggestions). Accepting is an ordinary applyChanges; nothing here writes a layer.
 */
import { ApiError, type ImportReport, type SuggestionsReply } from '../../../shared/api';
import type { DocId } from '../../../shared/model/types';
import type { SuggestionKey, SuggestionSet } from '../../../shared/suggest/types';
import type { Workspace } from '../workspace';
import { SuggestionCache, type VersionedLexicon } from './compute';
import { readSuggestionsFile, rejectedOf, SuggestionsFiles, withEnabled, withRejected, type SuggestionsState } from './store';

/** The empty set a document with suggestions off answers with. */
const NO_SUGGESTIONS: SuggestionSet = { suggestions: [], links: [] };

/** Where the service gets the workspace lexicon for a workspace (built once, kept up to date; see lexicon.ts). */
export type LexiconSource = (workspace: Workspace) => Promise<VersionedLexicon>;

/** getSuggestions and rejectSuggestions on whichever workspace is open. */
export class SuggestionService {
  private readonly files = new SuggestionsFiles();
  private readonly cache = new SuggestionCache();

  /**
   * @param workspace the open workspace (read on every call: Electron's File > Open swaps it)
   * @param lexiconOf the workspace lexicon of a workspace
   */
  constructor(
    private readonly workspace: () => Workspace,
    private readonly lexiconOf: LexiconSource,
  ) {}

  /**
   * One document's suggestions as `layer` sees them (see ClaimdeskApi.getSuggestions).
   * @param compute turn suggestions on for the document (remembered unless the workspace is read-only here or its file is damaged)
   * @returns the reply; with `problem` when the document's suggestions file is damaged (nothing counts as rejected meanwhile)
   * @throws ApiError NOT_FOUND, INVALID_INPUT (a layer name), IO/CONFLICT (the document or its suggestions file cannot be read)
   */
  async get(docId: DocId, layer: string, compute: boolean): Promise<SuggestionsReply> {
    const ws = this.workspace();
    // The same checks and layer rules as getDocument; the article is then kept open for the next call.
    const doc = await ws.openDocument(docId, layer);
    let state = await this.read(ws, docId);
    if (compute && !state.file.enabled && state.problem === null && ws.readOnlyReason() === null)
      state = { file: await this.files.update(ws.path, docId, withEnabled), problem: null };
    const rejected = rejectedOf(state.file, layer, this.cache.textHashOf(doc.text));
    const problem = state.problem === null ? {} : { problem: state.problem };
    if (!compute && !state.file.enabled) return { enabled: false, set: NO_SUGGESTIONS, rejected, ...problem };
    return { enabled: true, set: await this.cache.suggestionsFor(doc, await this.lexiconOf(ws), ws.info().schema), rejected, ...problem };
  }

  /**
   * Adds `keys` to the rejections of `layer` in one document (with `undo`, takes them back).
   * @param layer a layer the caller may write (the API checks)
   * @returns what getSuggestions answers now
   * @throws ApiError NOT_FOUND; CONFLICT (read-only workspace, or a damaged suggestions file: it is not overwritten); IO
   */
  async reject(docId: DocId, layer: string, keys: readonly SuggestionKey[], undo: boolean): Promise<SuggestionsReply> {
    const ws = this.workspace();
    const { text } = await ws.openDocument(docId, layer);
    const holder = ws.readOnlyReason();
    if (holder !== null) throw new ApiError('CONFLICT', `${holder}; suggestions cannot be rejected here meanwhile`);
    const textSha256 = this.cache.textHashOf(text);
    await this.files.update(ws.path, docId, (file) => withRejected(file, layer, keys, undo, textSha256));
    return this.get(docId, layer, false);
  }

  /** Turns suggestions on for the documents an import brought in (the preference suggestOnImport); see enableSuggestions. */
  enableImported(report: ImportReport): Promise<ImportReport> {
    return enableSuggestions(this.workspace(), this.files, report);
  }

  private async read(ws: Workspace, docId: DocId): Promise<SuggestionsState> {
    try {
      // A damaged file stands for "nothing rejected"; the reply says so (problem), and rejecting is refused over it.
      return await readSuggestionsFile(ws.path, docId);
    } catch (err) {
      throw new ApiError(
        'IO',
        `the suggestions of document ${docId} cannot be read (${(err as Error).message}); check the permissions of the workspace's .suggestions folder`,
      );
    }
  }
}

/**
 * Turns suggestions on for every document an import brought in (the window's importFiles and the CLI's import).
 * @returns the report, with a warning on each document whose suggestions file could not be written (the import itself stands)
 */
export async function enableSuggestions<R extends ImportReport>(ws: Workspace, files: SuggestionsFiles, report: R): Promise<R> {
  const imported: ImportReport['imported'][number][] = [];
  for (const entry of report.imported) {
    const problem = await files.update(ws.path, entry.row.id, withEnabled).then(
      () => null,
      (err: unknown) => {
        if (!(err instanceof ApiError)) throw err;
        return `${entry.name}: suggestions could not be turned on (${err.message})`;
      },
    );
    imported.push(problem === null ? entry : { ...entry, warnings: [...entry.warnings, problem] });
  }
  return { ...report, imported };
}

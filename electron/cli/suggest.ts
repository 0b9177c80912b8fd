/**
 * `claimdesk suggest` (#15): the engine's suggestions over a workspace (or some documents), with
 * the workspace lexicon built once for all of them and each document read once. Three forms: the
 * counts by label per document (the default); `--out FILE.jsonl`, the suggestions as Claimdesk
 * JSONL (the JSONL export's serializer: header, then each document's text and blocks with its
 * suggestions as spans and its links as relations, code-point offsets); `--accept`, every visible
 * suggestion accepted into the annotator's layer through the same write as applyChanges, one
 * change per document. Rejections of the layer are respected by all three. It does not turn
 * suggestions on for the window (nothing is written to .suggestions/).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiError } from '../../shared/api';
import { toJsonlHeader, toJsonlLine } from '../../shared/formats/jsonl';
import type { Annotation, DocumentData, Relation } from '../../shared/model/types';
import { acceptOps, fitToSchema, visibleSuggestions } from '../../shared/suggest/accept';
import { suggest } from '../../shared/suggest/engine';
import { ORIGIN_PREFIX, type SuggestionSet } from '../../shared/suggest/types';
import { ExportOutput, workspaceOutputProblem } from '../services/export/output';
import { WorkspaceLexicon } from '../services/suggestions/lexicon';
import { readSuggestionsFile, rejectedOf } from '../services/suggestions/store';
import type { Workspace } from '../services/workspace';
import { INDEX_FILE, textHash } from '../services/workspace/files';
import type { Io } from './commands';
import { CliFailure, EXIT, type ExitCode } from './exit';

/** What `claimdesk suggest` was asked to do. */
export type SuggestPlan = Readonly<{
  /** The documents (null: every one, in import order). */
  documentIds: readonly string[] | null;
  /** Whose rejections (and, with accept, whose annotations) count. */
  layer: string;
  /** Write the suggestions as JSONL to this file (null: do not). */
  out: string | null;
  /** Replace --out when it exists. */
  force: boolean;
  /** Accept every visible suggestion into `layer` (an annotator's). */
  accept: boolean;
}>;

/** The author of the spans and links in a --out file (they are nobody's annotations yet). */
const SUGGEST_AUTHOR = 'claimdesk-suggest';

/**
 * Refuses a folder that holds no workspace yet (opening would make an empty one, with nothing to suggest on).
 * @throws CliFailure WORKSPACE saying what to do
 */
export function checkSuggestWorkspace(dir: string): void {
  if (!existsSync(join(dir, INDEX_FILE)))
    throw new CliFailure(
      EXIT.WORKSPACE,
      `claimdesk suggest: ${resolve(dir)} is not a Claimdesk workspace (it has no ${INDEX_FILE}); give the folder of an existing workspace, or import articles into it first (claimdesk import)`,
    );
}

/**
 * Runs the command on an open workspace.
 * @returns OK, or BAD_INPUT when a document could not be read (each is printed; the others are done)
 * @throws CliFailure USAGE (an unknown document id), OUTPUT (--out cannot be written), WORKSPACE (--accept on a workspace another Claimdesk holds)
 */
export async function runSuggest(workspace: Workspace, plan: SuggestPlan, io: Io, signal?: AbortSignal): Promise<ExitCode> {
  const rows = workspace.listDocuments(plan.layer);
  if (plan.documentIds) {
    const known = new Set(rows.map((r) => r.id));
    const unknown = plan.documentIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new CliFailure(
        EXIT.USAGE,
        `claimdesk suggest: no document with id ${unknown.join(', ')} in this workspace; run claimdesk stats or export to list them`,
      );
  }
  const holder = workspace.readOnlyReason();
  if (plan.accept && holder) throw new CliFailure(EXIT.WORKSPACE, `claimdesk suggest: ${holder}`);
  const wanted = plan.documentIds ? new Set(plan.documentIds) : null;
  const output = plan.out === null ? null : await openOutput(workspace, plan);
  try {
    const file = output ? await output.stream('') : null;
    await file?.write(`${toJsonlHeader(workspace.info().schema)}\n`);
    const { lexicon } = await new WorkspaceLexicon(workspace).get(); // once for the whole run
    const schema = workspace.info().schema;
    const startedAt = new Date().toISOString();
    let failed = 0;
    const totals = { documents: 0, suggestions: 0, annotations: 0, relations: 0 };
    for (const row of rows) {
      if (wanted && !wanted.has(row.id)) continue;
      signal?.throwIfAborted();
      let doc: DocumentData;
      let rejected: ReadonlySet<string>;
      try {
        doc = await workspace.readDocument(row.id, plan.layer);
        rejected = await rejectedKeys(workspace, doc, plan.layer, io);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        io.err(`failed    ${row.id} "${row.title}": ${err.message}`);
        failed++;
        continue;
      }
      const set = fitToSchema(suggest({ text: doc.text, blocks: doc.blocks, lexicon }), schema);
      totals.documents++;
      if (plan.accept) {
        const added = await acceptAll(workspace, doc, set, rejected, plan.layer);
        totals.annotations += added.annotations.length;
        totals.relations += added.relations;
        io.out(
          `accepted  ${row.id} "${row.title}": ${added.annotations.length === 0 ? 'nothing new' : describe(added.annotations, added.relations)}`,
        );
        continue;
      }
      const visible = visibleSuggestions(set, [], rejected);
      totals.suggestions += visible.suggestions.length;
      if (file) await file.write(`${toJsonlLine(suggestionsDocument(doc, visible, startedAt))}\n`);
      else io.out(`${row.id} "${row.title}": ${describe(visible.suggestions, visible.links.length)}`);
    }
    if (file) await output!.commit();
    if (plan.accept)
      io.out(
        `${totals.documents} document(s): ${totals.annotations} annotation(s) and ${totals.relations} relation(s) added to ${plan.layer}'s layer`,
      );
    else io.out(`${totals.documents} document(s): ${totals.suggestions} suggestion(s)${plan.out === null ? '' : ` -> ${output!.target}`}`);
    return failed > 0 ? EXIT.BAD_INPUT : EXIT.OK;
  } catch (err) {
    await output?.discard();
    if (err instanceof ApiError && output && err.code === 'IO') throw new CliFailure(EXIT.OUTPUT, `claimdesk suggest: --out ${err.message}`);
    throw err;
  }
}

/** The --out file, reserved before any document is read (the export's rules: never in the workspace's own files, never replaced without --force). */
async function openOutput(workspace: Workspace, plan: SuggestPlan): Promise<ExportOutput> {
  const problem = await workspaceOutputProblem(plan.out!, workspace.path);
  if (problem) throw new CliFailure(EXIT.OUTPUT, `claimdesk suggest: --out ${problem}`);
  try {
    return await ExportOutput.create(plan.out!, 'file', plan.force);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new CliFailure(EXIT.OUTPUT, `claimdesk suggest: --out ${err.message}`);
  }
}

/** The keys `layer` rejected in a document (none when made on another text of it); a damaged suggestions file counts as none, and is named. */
async function rejectedKeys(workspace: Workspace, doc: DocumentData, layer: string, io: Io): Promise<ReadonlySet<string>> {
  const state = await readSuggestionsFile(workspace.path, doc.id).catch((err: Error) => {
    throw new ApiError('IO', `its suggestions file cannot be read (${err.message})`);
  });
  if (state.problem !== null) io.err(`note      ${doc.id}: ${state.problem}`);
  return new Set(rejectedOf(state.file, layer, textHash(doc.text)));
}

/**
 * Accepts every visible suggestion of a document into `layer`: one applyChanges.
 * @returns the annotations added and how many relations
 */
async function acceptAll(
  workspace: Workspace,
  doc: DocumentData,
  set: SuggestionSet,
  rejected: ReadonlySet<string>,
  layer: string,
): Promise<{ annotations: Annotation[]; relations: number }> {
  const visible = visibleSuggestions(set, doc.annotations, rejected);
  const stamp = { author: layer, now: new Date().toISOString(), newId: () => randomUUID() };
  const ops = acceptOps(
    doc,
    set,
    visible.suggestions.map((s) => s.key),
    rejected,
    stamp,
  );
  if (ops.length > 0) await workspace.applyChanges(doc.id, layer, ops);
  return {
    annotations: ops.flatMap((op) => (op.op === 'addAnnotation' ? [op.annotation] : [])),
    relations: ops.filter((op) => op.op === 'addRelation').length,
  };
}

/**
 * A document as a --out record: its text, blocks and fields, with the suggestions as its spans
 * (id = the suggestion key, origin `suggestion:<rule>`) and the links as its relations.
 */
export function suggestionsDocument(doc: DocumentData, set: SuggestionSet, now: string): DocumentData {
  const annotations: Annotation[] = set.suggestions.map((s) => ({
    id: s.key,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: doc.text.slice(s.start, s.end),
    attributes: s.attributes,
    author: SUGGEST_AUTHOR,
    createdAt: now,
    updatedAt: now,
    origin: `${ORIGIN_PREFIX}${s.rule}`,
  }));
  const relations: Relation[] = set.links.map((l, i) => ({
    id: `link-${i + 1}`,
    type: l.type,
    from: l.from,
    to: l.to,
    author: SUGGEST_AUTHOR,
    createdAt: now,
  }));
  const { conflicts: _conflicts, rejected: _rejected, annotator: _annotator, ...article } = doc;
  return { ...article, annotations, relations };
}

/** "Claim 3, Cue 3, Source 2; 4 links": counts by label (in name order) and of links. */
function describe(spans: readonly Readonly<{ label: string }>[], links: number): string {
  if (spans.length === 0) return 'no suggestions';
  const counts = new Map<string, number>();
  for (const s of spans) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  const labels = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, n]) => `${label} ${n}`);
  return `${labels.join(', ')}; ${links} link(s)`;
}

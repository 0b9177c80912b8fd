/** The CLI's help texts: the tool's and each command's (`claimdesk <command> --help`). */
import { EXPORT_FORMATS } from '../../shared/formats/serializer';
import { FORMAT_SPECS } from '../../shared/formats/format-specs';
import { EXIT_CODES } from './exit';
import type { Command } from './options';

const WORKSPACE_RULES = `The workspace folder is created if missing; it must be a folder you can read and write (not a file,
nor a system folder such as /proc). One Claimdesk writes a workspace at a time (.claimdesk.lock): while
the app, the browser host or another command holds it, import exits with 3 and says who holds it, and
export, stats and validate read it as it is on disk (a note on stderr says who holds it). Every
command releases the lock when it ends, also after an error or Ctrl-C.`;

/** The tool's help. */
export const HELP = `Usage: claimdesk <command> --workspace DIR [arguments]

Commands:
  import <files|folders...>   import articles (.txt, .md, .html), Claimdesk JSONL corpora (.jsonl),
                              W3C Web Annotation files (.json, .jsonld) and brat folders (.txt + .ann pairs)
  export --format F --out P   export documents and annotations (formats: ${EXPORT_FORMATS.join(', ')})
  stats                       documents, statuses and annotation counts (over every layer)
  validate                    check every span, relation and attribute against the text and the schema
  sync                        commit your layer's changes, fetch, merge and push through git
  agreement                   inter-annotator agreement (span F1, alpha_u, kappa, relation F1)
  suggest                     suggested claims, sources, cues and links: counts, --out FILE.jsonl, or --accept

Options:
  --workspace DIR   the workspace folder (created if missing)
  --help            this text; \`claimdesk <command> --help\` for a command's options

${WORKSPACE_RULES}

${EXIT_CODES}`;

const formatLines = EXPORT_FORMATS.map((f) => {
  const spec = FORMAT_SPECS[f];
  return `  ${f.padEnd(11)} ${spec.layout === 'folder' ? 'a folder' : 'one file'}${spec.needsTokenizer ? ', tokenized with Intl.Segmenter (ICU)' : ''}${spec.lossless ? ', lossless' : ''}`;
});

/** Each command's help. */
export const COMMAND_HELP: Readonly<Record<Command, string>> = {
  import: `Usage: claimdesk import --workspace DIR [--annotator NAME] <files|folders...>

Imports, by kind:
  .txt .md .markdown .html .htm   articles (folders are searched recursively),
  .docx .pdf                      also Word and PDF articles
  .jsonl                          Claimdesk JSONL: documents with their annotations; the header's schema is
                                  adopted by an empty workspace, else the workspace schema gains what is missing
  .json .jsonld                   W3C Web Annotations: placed on documents already in the workspace
  a folder with .ann files        brat standoff: each .txt/.ann pair becomes a document with its annotations

Annotations go into annotation layers: with --annotator NAME all into NAME's layer, otherwise each into
its author's layer (one with no author into yours: $CLAIMDESK_ANNOTATOR, else your user name). A record
whose text is already in the workspace (same content hash) adds its layer to that document instead of a
new document; a layer already there with annotations is kept and the record reported as skipped.

An article file whose content is already in the workspace is skipped. A bad record (a malformed JSONL line, an
item that is not an annotation, a brat line whose text does not match the .txt, whose id or label is
longer than Claimdesk allows, or whose T id repeats an earlier one) is reported with its file and line;
the valid records still go in and nothing already in the workspace changes. Ctrl-C stops the import;
the documents imported until then stay.

${WORKSPACE_RULES}

${EXIT_CODES}`,
  export: `Usage: claimdesk export --workspace DIR --format FORMAT --out PATH [options]

Formats:
${formatLines.join('\n')}

Options:
  --out PATH              the file to write (a folder for brat and hf, and for any --split)
  --split 80/10/10        train/dev/test by document; duplicate texts stay in one split
  --seed N                the split's seed (default 1); the same seed gives the same split
  --stratify              give every split documents with claims when there are enough
  --status STATUS         only documents whose exported layer has this status (new, in_progress, done)
  --labels A,B            only spans with these labels (relations between them are kept)
  --relations T,U         only relations of these types
  --documents ID,ID       only these documents
  --force                 replace PATH (and the --report file) when it exists
  --report FILE           also write the full report (every problem) as JSON
  --bom, --no-bom         claims-csv and claims-tsv: start the file with a UTF-8 byte-order mark, so Excel
                          reads non-ASCII text right (--bom, the default, as in the app), or not (--no-bom)
  --layer LAYER           which annotation layer of each document: default (the curated layer where there
                          is one, else the only annotator's; documents with several annotators and no
                          curated layer are skipped and listed), curated, all (each annotator's layer
                          as its own record with an annotator field), or an annotator's name

--out and --report follow the same rules: an existing path is refused without --force, they may not
be the same path, and neither may be the workspace folder or inside its own files (claimdesk.json,
documents/, .backups/, .trash/, .claimdesk.lock), even with --force. Both are written to a temporary
name and renamed into place, so a failed or cancelled export leaves nothing at either path.

Offsets are Unicode code points. The report is printed before writing and after: documents, spans per
label, relations per type and attribute values written, what the format does not keep (with how many
spans, relations or values of this export that leaves out), and every span the format cannot express.

${WORKSPACE_RULES}

${EXIT_CODES}`,
  stats: `Usage: claimdesk stats --workspace DIR

Prints the number of documents by status, annotations by label and characters.

${WORKSPACE_RULES}

${EXIT_CODES}`,
  validate: `Usage: claimdesk validate --workspace DIR [--status STATUS] [--documents ID,ID]

Checks every stored span's quote against the text, that relation ends exist and their types may join
their labels, labels and attribute values against the schema, and that every Claim with
attribution=attributed has an attributed_to link. Lists every problem; exit code 1 when there is any.

${WORKSPACE_RULES}

${EXIT_CODES}`,
  sync: `Usage: claimdesk sync --workspace DIR [--annotator NAME]

The workspace folder is (inside) a git repository with a remote. Commits the workspace's changes
(message with the annotator and the documents), fetches, merges (workspace files merge by annotation
id; a field changed differently on both sides keeps both values and is listed for the analyst to
settle), and pushes, retrying when the remote moved meanwhile. Uses your own git, credentials and SSH
keys. Every failure says what to do and exits with 3: git missing, not a repository, no remote,
authentication refused, offline (your work stays committed locally and is pushed on the next sync), a
merge already under way, a conflict in a file that is not the workspace's (the merge is undone).

${WORKSPACE_RULES}

${EXIT_CODES}`,
  agreement: `Usage: claimdesk agreement --workspace DIR [--annotators A,B] [--labels L,M] [--documents ID,ID]
                           [--format md|csv|json] [--out FILE [--force]]

Inter-annotator agreement for every pair of annotators and the mean over pairs, per label and overall:
span F1 with exact boundaries and with overlap, Krippendorff's alpha for unitizing (alpha_u, over
characters), Cohen's kappa on each attribute of matched spans, and relation F1. Documents are listed
from least to most agreement. Undefined values are null, with a note saying why. --out writes the
report to FILE instead of printing it (as export's --out: atomically, never inside the workspace's own
files, an existing FILE only with --force).

${EXIT_CODES}`,
  suggest: `Usage: claimdesk suggest --workspace DIR [--documents ID,ID] [--layer LAYER]
                         [--out FILE.jsonl [--force] | --accept --annotator NAME]

Runs Claimdesk's suggestions (the claims, sources, cues and their links it proposes, offline) over every
document, or those of --documents, with the words the workspace's analysts tagged by hand as cues and
sources. Suggestions LAYER's analyst rejected in the app are left out (--layer: an annotator's name or
curated; default --annotator, else $CLAIMDESK_ANNOTATOR, else your user name).

  (neither)            print each document's suggestions by label, and its links
  --out FILE.jsonl     write them as Claimdesk JSONL (the JSONL export's header and records, code-point
                       offsets): each document's text and blocks, its suggestions as spans (id = the
                       suggestion's key Label:start-end, origin suggestion:<rule>) and its links as
                       relations. The key is what the app's rejections name, so its offsets count UTF-16
                       code units: after an emoji or another character beyond U+FFFF they differ from
                       the span's start and end, which count code points. --out follows export's rules:
                       written whole or not at all, an existing FILE only with --force, never inside
                       the workspace's own files (.suggestions among them)
  --accept             put every suggestion still to decide into --annotator NAME's layer (one change per
                       document, each new annotation with its origin) and print what was added; what the
                       layer already holds (same label over the same text) is not added again

It does not turn suggestions on in the app. A document that cannot be read is listed and the others are
done (exit code 1); an unknown --documents id is a usage error (2).

${WORKSPACE_RULES}

${EXIT_CODES}`,
  'merge-file': `Usage: claimdesk merge-file BASE OURS THEIRS PATH

The git merge driver of workspace files (registered in the repository's local config when a workspace
is opened): merges BASE, OURS and THEIRS three ways by id into OURS, with no conflict markers. Exit
codes: 0 merged (fields changed differently on both sides are kept inside the file, both values, for the
analyst to settle), 1 a version cannot be read as JSON (git then marks the file as conflicted; Claimdesk's
sync reports it), 2 bad arguments.`,
};

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
  stats                       documents, statuses and annotation counts
  validate                    check every span, relation and attribute against the text and the schema

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
  import: `Usage: claimdesk import --workspace DIR <files|folders...>

Imports, by kind:
  .txt .md .markdown .html .htm   articles (folders are searched recursively)
  .jsonl                          Claimdesk JSONL: documents with their annotations; the header's schema is
                                  adopted by an empty workspace, else the workspace schema gains what is missing
  .json .jsonld                   W3C Web Annotations: placed on documents already in the workspace
  a folder with .ann files        brat standoff: each .txt/.ann pair becomes a document with its annotations

A document whose text is already in the workspace is skipped. A bad record (a malformed JSONL line, an
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
  --status STATUS         only documents with this status (new, in_progress, done); default all
  --labels A,B            only spans with these labels (relations between them are kept)
  --relations T,U         only relations of these types
  --documents ID,ID       only these documents
  --force                 replace PATH (and the --report file) when it exists
  --report FILE           also write the full report (every problem) as JSON

--out and --report follow the same rules: an existing path is refused without --force, they may not
be the same path, and neither may be the workspace folder or inside its own files (claimdesk.json,
documents/, .backups/, .trash/, .claimdesk.lock), even with --force. Both are written to a temporary
name and renamed into place, so a failed or cancelled export leaves nothing at either path.

Offsets are Unicode code points. The report is printed before writing and after: documents, spans per
label, relations per type, attribute values, and every span the format cannot express.

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
};

/**
 * Builds real .docx files for tests: the OOXML parts (content types, relationships, styles,
 * numbering, footnotes, comments, core properties) written by hand and zipped, so that the
 * importer reads what a word processor writes. Paragraph helpers keep fixtures readable.
 * Test-only; returns bytes.
 */
import { zip } from './zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run of text (bold/italic optional: the importer drops them). */
export const run = (text: string, style: '' | 'b' | 'i' = ''): string =>
  `<w:r>${style === '' ? '' : `<w:rPr><w:${style}/></w:rPr>`}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

/** A paragraph of runs (strings are plain runs) with an optional style id (Heading1, Title, Quote). */
export const para = (content: string | readonly string[], styleId?: string): string =>
  `<w:p>${styleId === undefined ? '' : `<w:pPr><w:pStyle w:val="${styleId}"/></w:pPr>`}${typeof content === 'string' ? run(content) : content.join('')}</w:p>`;

/** A list paragraph: numId 1 is a bulleted list, 2 a numbered one; ilvl 0 is the top level. */
export const listPara = (text: string, numId: 1 | 2, ilvl = 0): string =>
  `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;

/** A table of rows of cell texts. */
export const table = (rows: readonly (readonly string[])[]): string =>
  `<w:tbl>${rows.map((cells) => `<w:tr>${cells.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** Inserted (tracked) text: accepted, it is part of the text. */
export const inserted = (text: string): string => `<w:ins w:id="90" w:author="Ed" w:date="2024-03-01T10:00:00Z">${run(text)}</w:ins>`;
/** Deleted (tracked) text: accepted, it is gone. */
export const deleted = (text: string): string =>
  `<w:del w:id="91" w:author="Ed" w:date="2024-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
/** A reference to footnote `id` (its text given to buildDocx). */
export const footnoteRef = (id: number): string =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
/** A comment anchored on `text` (the comment's words given to buildDocx). */
export const commented = (text: string, id = 0): string =>
  `<w:commentRangeStart w:id="${id}"/>${run(text)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

export type DocxParts = Readonly<{
  body: readonly string[];
  core?: Readonly<{ title?: string; creator?: string; created?: string; modified?: string }>;
  footnotes?: Readonly<Record<number, string>>;
  comments?: Readonly<Record<number, string>>;
}>;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
${[
  ['Normal', 'Normal'],
  ['Title', 'Title'],
  ['Heading1', 'heading 1'],
  ['Heading2', 'heading 2'],
  ['Quote', 'Quote'],
  ['ListParagraph', 'List Paragraph'],
  ['FootnoteText', 'footnote text'],
]
  .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
  .join('\n')}
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>
</w:styles>`;

const level = (ilvl: number, format: string): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${format === 'bullet' ? '•' : `%${ilvl + 1}.`}"/></w:lvl>`;
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0">${[0, 1, 2].map((i) => level(i, 'bullet')).join('')}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${[0, 1, 2].map((i) => level(i, i === 0 ? 'decimal' : 'bullet')).join('')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

/**
 * A .docx file with the given body paragraphs (XML from the helpers above) and optional parts.
 * @returns the file's bytes
 */
export function buildDocx(parts: DocxParts): Uint8Array {
  const rels = [
    ['rStyles', 'styles', 'styles.xml'],
    ['rNumbering', 'numbering', 'numbering.xml'],
    ...(parts.footnotes ? [['rFootnotes', 'footnotes', 'footnotes.xml']] : []),
    ...(parts.comments ? [['rComments', 'comments', 'comments.xml']] : []),
  ];
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
${rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`).join('\n')}
</Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body.join('\n')}<w:sectPr/></w:body></w:document>`,
    'word/styles.xml': STYLES,
    'word/numbering.xml': NUMBERING,
  };
  if (parts.footnotes)
    files['word/footnotes.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
${Object.entries(parts.footnotes)
  .map(([id, text]) => `<w:footnote w:id="${id}">${para(text, 'FootnoteText')}</w:footnote>`)
  .join('\n')}
</w:footnotes>`;
  if (parts.comments)
    files['word/comments.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="${W}">
${Object.entries(parts.comments)
  .map(([id, text]) => `<w:comment w:id="${id}" w:author="Ed" w:date="2024-03-01T10:00:00Z">${para(text)}</w:comment>`)
  .join('\n')}
</w:comments>`;
  if (parts.core) {
    const { title, creator, created, modified } = parts.core;
    files['docProps/core.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${title === undefined ? '' : `<dc:title>${esc(title)}</dc:title>`}
${creator === undefined ? '' : `<dc:creator>${esc(creator)}</dc:creator>`}
${created === undefined ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>`}
${modified === undefined ? '' : `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>`}
</cp:coreProperties>`;
  }
  return zip(files);
}

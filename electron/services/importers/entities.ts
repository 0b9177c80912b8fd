/**
 * Character references in markdown text: marked decodes numeric references itself and leaves
 * named ones; this decodes the named entities common in news copy (and numeric ones, so that a
 * reference is decoded once however it is written). Pure.
 */

/**
 * Named entities common in news copy. marked decodes numeric references itself and leaves
 * named ones (and escapes bare "&" as "&amp;"); names not listed here stay as written.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsaquo: '\u2039',
  rsaquo: '\u203a',
  prime: '\u2032',
  Prime: '\u2033',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  plusmn: '\u00b1',
  times: '\u00d7',
  divide: '\u00f7',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  permil: '\u2030',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  sect: '\u00a7',
  para: '\u00b6',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwj: '\u200d',
  zwnj: '\u200c',
  iexcl: '\u00a1',
  iquest: '\u00bf',
  aacute: '\u00e1',
  eacute: '\u00e9',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
  Aacute: '\u00c1',
  Eacute: '\u00c9',
  Iacute: '\u00cd',
  Oacute: '\u00d3',
  Uacute: '\u00da',
  agrave: '\u00e0',
  egrave: '\u00e8',
  ograve: '\u00f2',
  ccedil: '\u00e7',
  Ccedil: '\u00c7',
  auml: '\u00e4',
  euml: '\u00eb',
  iuml: '\u00ef',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
  Auml: '\u00c4',
  Ouml: '\u00d6',
  Uuml: '\u00dc',
  ntilde: '\u00f1',
  Ntilde: '\u00d1',
  acirc: '\u00e2',
  ecirc: '\u00ea',
  icirc: '\u00ee',
  ocirc: '\u00f4',
  ucirc: '\u00fb',
  oslash: '\u00f8',
  aring: '\u00e5',
  aelig: '\u00e6',
  Oslash: '\u00d8',
  Aring: '\u00c5',
};

/** Decodes named (listed) and numeric character references in one pass, so "&amp;lt;" gives "&lt;". */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g, (whole, dec, hex, named) => {
    if (typeof named === 'string') return NAMED_ENTITIES[named] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(String(hex), 16);
    return isScalarValue(code) && code !== 0 ? String.fromCodePoint(code) : '\ufffd';
  });
}

function isScalarValue(code: number): boolean {
  return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
}

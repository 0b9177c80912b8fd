import { describe, expect, it } from 'vitest';
import {
  attributeText,
  claimColumns,
  claimRows,
  claimsTsv,
  nextSort,
  sortClaimRows,
  tsvCell,
  type ClaimRow,
} from '../../../shared/model/claims-table';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { UNSET } from '../../../shared/model/schema-rules';
import type { Relation, Schema } from '../../../shared/model/types';
import { makeDoc } from '../support/make-doc';

const rel = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, author: 'ann', createdAt: 't0' });

// The claims c1 and c2, their sources (hill; aso and rep) and c1's cue are tagged in the text.
const doc = makeDoc(
  '"<c1>I don\'t see any splintering</c1>," <hill>Hill</hill> <said>said</said>. <c2>Japan vowed not to compromise</c2>, <aso>Aso</aso> told <rep>reporters</rep>.',
  // Stored out of text order on purpose.
  {
    c2: { label: 'Claim', attributes: { claim_type: 'promise', checkworthy: 'yes' } },
    aso: 'Source',
    c1: { label: 'Claim', attributes: { claim_type: 'opinion', checkworthy: 'no', claim_summary: 'no\tsplit\nhere' } },
    hill: 'Source',
    said: 'Cue',
    rep: 'Source',
  },
  {
    title: 'Envoy',
    links: [
      ['c1', 'attributed_to', 'hill'],
      ['c1', 'has_cue', 'said'],
      ['c2', 'attributed_to', 'rep'],
      ['c2', 'attributed_to', 'aso'],
      ['hill', 'coref', 'aso'],
    ],
  },
);

const columns = claimColumns(DEFAULT_SCHEMA);
const col = (id: string) => columns.findIndex((c) => c.id === id);
const cell = (row: ClaimRow | undefined, id: string) => row?.cells[col(id)];

describe('claims table rows', () => {
  it('has the claim, every Claim attribute in schema order, sources and cue as columns', () => {
    const claimAttrs = DEFAULT_SCHEMA.labels.find((l) => l.name === 'Claim')!.attributes.map((a) => a.name);
    expect(columns.map((c) => c.title)).toEqual(['Claim', ...claimAttrs, 'Sources', 'Cue']);
  });

  it('makes one row per claim, in text order, with linked sources in text order joined by "; "', () => {
    const rows = claimRows(doc, DEFAULT_SCHEMA);
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(cell(rows[0], 'claim')).toBe("I don't see any splintering");
    expect(cell(rows[0], 'sources')).toBe('Hill');
    expect(cell(rows[0], 'cue')).toBe('said');
    expect(cell(rows[1], 'sources')).toBe('Aso; reporters');
    expect(cell(rows[1], 'cue')).toBe('');
    expect(cell(rows[1], 'attr:claim_type')).toBe('promise');
    expect(cell(rows[1], 'attr:veracity')).toBe('');
  });

  it('ignores links to annotations that no longer exist', () => {
    const broken = { ...doc, relations: [...doc.relations, rel('r9', 'attributed_to', 'c1', 'gone')] };
    expect(cell(claimRows(broken, DEFAULT_SCHEMA)[0], 'sources')).toBe('Hill');
  });

  it('shows every kind of attribute value as one line', () => {
    expect(attributeText(null)).toBe('');
    expect(attributeText(undefined)).toBe('');
    expect(attributeText(true)).toBe('yes');
    expect(attributeText(false)).toBe('no');
    expect(attributeText(2.5)).toBe('2.5');
    expect(attributeText(['a', 'b'])).toBe('a, b');
  });
});

describe('sorting', () => {
  const schema: Schema = {
    ...DEFAULT_SCHEMA,
    labels: [
      {
        name: 'Claim',
        color: '#f5a524',
        hotkey: '1',
        attributes: [
          { name: 'score', kind: 'number' },
          { name: 'tag', kind: 'text' },
        ],
      },
    ],
  };
  const cols = claimColumns(schema);
  const row = (id: string, score: string, tag: string, start: number): ClaimRow => ({ id, start, end: start + 1, cells: [id, score, tag, '', ''] });
  const rows = [row('a', '10', 'beta', 0), row('b', '', 'Alpha', 1), row('c', '9', '', 2), row('d', '10', 'item 10', 3), row('e', '-1', 'item 9', 4)];
  const ids = (rs: readonly ClaimRow[]) => rs.map((r) => r.id).join('');

  it('cycles ascending, descending, then text order', () => {
    const asc = nextSort(null, 'attr:score');
    expect(asc).toEqual({ columnId: 'attr:score', direction: 'ascending' });
    const desc = nextSort(asc, 'attr:score');
    expect(desc).toEqual({ columnId: 'attr:score', direction: 'descending' });
    expect(nextSort(desc, 'attr:score')).toBeNull();
    expect(nextSort(desc, 'claim')).toEqual({ columnId: 'claim', direction: 'ascending' });
  });

  it('sorts number columns numerically, keeps ties in text order and puts empty cells last both ways', () => {
    expect(ids(sortClaimRows(rows, cols, { columnId: 'attr:score', direction: 'ascending' }))).toBe('ecadb');
    expect(ids(sortClaimRows(rows, cols, { columnId: 'attr:score', direction: 'descending' }))).toBe('adceb');
  });

  it('sorts text naturally and case-insensitively', () => {
    expect(ids(sortClaimRows(rows, cols, { columnId: 'attr:tag', direction: 'ascending' }))).toBe('baedc');
  });

  it('leaves the rows alone without a sort or for an unknown column', () => {
    expect(sortClaimRows(rows, cols, null)).toBe(rows);
    expect(sortClaimRows(rows, cols, { columnId: 'attr:gone', direction: 'ascending' })).toBe(rows);
  });
});

describe('TSV', () => {
  it('replaces tabs and line breaks inside a cell with spaces', () => {
    expect(tsvCell('a\tb\nc\r\nd\re')).toBe('a b c d e');
  });

  it('writes the header and the given rows, one line each, every line with the same number of fields', () => {
    const rows = claimRows(doc, DEFAULT_SCHEMA);
    const tsv = claimsTsv(columns, [rows[1]!, rows[0]!]);
    const lines = tsv.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split('\t')).toEqual(columns.map((c) => c.title));
    for (const line of lines.slice(0, 3)) expect(line.split('\t')).toHaveLength(columns.length);
    expect(lines[1]!.startsWith('Japan vowed not to compromise\t')).toBe(true);
    expect(lines[2]!.split('\t')[col('attr:claim_summary')]).toBe('no split here');
  });

  it('shows and writes the legacy "unset", an empty list and empty text as unset, like an absent attribute', () => {
    const legacy = makeDoc('<c1>Taxes will rise</c1>.', {
      c1: { label: 'Claim', attributes: { claim_type: 'unset', checkworthy: [], claim_summary: '' } },
    });
    const absent = makeDoc('<c1>Taxes will rise</c1>.', { c1: 'Claim' });
    expect(claimRows(legacy, DEFAULT_SCHEMA)).toEqual(claimRows(absent, DEFAULT_SCHEMA));
    const row = claimsTsv(columns, claimRows(legacy, DEFAULT_SCHEMA)).split('\n')[1]!.split('\t');
    for (const name of ['claim_type', 'checkworthy', 'claim_summary']) expect(row[col(`attr:${name}`)]).toBe(UNSET);
  });

  it('writes an attribute nobody set (absent, null, no values) as "unset", and a set one as its value', () => {
    const unsetDoc = makeDoc('<c1>Taxes will rise</c1>. <c2>Rents fell</c2>.', {
      c1: { label: 'Claim', attributes: { claim_type: null, checkworthy: 'yes' } },
      c2: { label: 'Claim', attributes: {} },
    });
    const lines = claimsTsv(columns, claimRows(unsetDoc, DEFAULT_SCHEMA)).split('\n');
    const fields = (line: string | undefined) => line!.split('\t');
    expect(fields(lines[1])[col('attr:claim_type')]).toBe(UNSET);
    expect(fields(lines[1])[col('attr:checkworthy')]).toBe('yes');
    for (const c of columns.filter((x) => x.isAttribute)) expect(fields(lines[2])[col(c.id)]).toBe(UNSET);
    // Not attributes: an empty sources or cue cell stays empty.
    expect(fields(lines[2])[col('sources')]).toBe('');
    expect(fields(lines[2])[col('cue')]).toBe('');
  });
});

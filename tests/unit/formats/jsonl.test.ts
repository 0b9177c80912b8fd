/** Claimdesk JSONL: lossless (parse gives the same documents), and bad lines named with their reason. */
import { beforeAll, describe, expect, it } from 'vitest';
import { toJsonlHeader, toJsonlLine } from '../../../shared/formats/jsonl';
import type { DocumentData } from '../../../shared/model/types';
import { fixtureDocuments, FIXTURE_SCHEMA } from '../../fixtures/export/fixture';
import { parseJsonl } from './support';

let docs: DocumentData[];
beforeAll(async () => {
  docs = await fixtureDocuments();
});

describe('Claimdesk JSONL', () => {
  it('reads back exactly what it wrote, schema included', () => {
    const text = [toJsonlHeader(FIXTURE_SCHEMA), ...docs.map(toJsonlLine)].join('\n') + '\n';
    const parsed = parseJsonl(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.schema).toEqual(FIXTURE_SCHEMA);
    expect(parsed.documents).toEqual(docs);
    expect([toJsonlHeader(parsed.schema!), ...parsed.documents.map(toJsonlLine)].join('\n') + '\n').toBe(text);
  });

  it('writes offsets in code points', () => {
    const summit = docs.find((d) => d.text.includes('😀'))!;
    const line = JSON.parse(toJsonlLine(summit)) as { spans: { start: number; end: number; quote: string }[] };
    const cps = [...summit.text];
    for (const s of line.spans) expect(cps.slice(s.start, s.end).join('')).toBe(s.quote);
  });

  it('refuses bad lines with their number and reason, and keeps the good ones', () => {
    const good = toJsonlLine(docs[2]!);
    const shifted = JSON.parse(toJsonlLine(docs[0]!)) as { spans: { start: number }[] };
    shifted.spans[0]!.start += 1;
    const dangling = JSON.parse(toJsonlLine(docs[1]!)) as { relations: { to: string }[] };
    dangling.relations[0]!.to = 'nope';
    const text = [
      toJsonlHeader(FIXTURE_SCHEMA),
      '{"id": "abc", broken',
      JSON.stringify(shifted),
      good,
      JSON.stringify(dangling),
      '{"id":"abcdef12"}',
    ].join('\n');
    const parsed = parseJsonl(text);
    expect(parsed.documents.map((d) => d.id)).toEqual([docs[2]!.id]);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3, 5, 6]);
    expect(parsed.problems[0]!.reason).toMatch(/not valid JSON/);
    expect(parsed.problems[1]!.reason).toMatch(/quote does not match/);
    expect(parsed.problems[2]!.reason).toMatch(/span nope does not exist/);
    expect(parsed.problems[3]!.reason).toMatch(/not a Claimdesk document/);
  });

  it('refuses a header from a newer Claimdesk', () => {
    const parsed = parseJsonl(JSON.stringify({ claimdesk: 'claimdesk-jsonl', version: 99, offset_unit: 'code_point', schema: FIXTURE_SCHEMA }));
    expect(parsed.problems[0]).toMatchObject({ line: 1 });
    expect(parsed.problems[0]!.reason).toMatch(/newer Claimdesk/);
  });
});

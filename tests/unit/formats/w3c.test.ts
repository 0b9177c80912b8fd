/**
 * W3C Web Annotation: the export validates against the W3C test suite's JSON schemas (every
 * MUST assertion listed in annotations/annotationMusts.test), reads back into the same spans and
 * links, and a file that is not an annotation is reported, not half-read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { offsetMap } from '../../../shared/anchoring/code-points';
import { anchorW3cSpan, parseW3c } from '../../../shared/formats/w3c';
import type { DocumentData } from '../../../shared/model/types';
import { fixtureDocuments, FIXTURE_SCHEMA } from '../../fixtures/export/fixture';
import { serializeAll } from './support';

const SUITE = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'w3c-web-annotation-tests');
// CI has the suite beside the repository: there a missing suite fails the test instead of skipping it.
const NO_SUITE = existsSync(SUITE) ? null : `the W3C test suite is not at ${SUITE} (clone github.com/w3c/web-annotation-tests there)`;

type Json = Record<string, unknown>;

/**
 * Draft-04 schemas for Ajv's default draft: `id` -> `$id`, `$schema` dropped everywhere, and
 * draft-04's boolean exclusiveMinimum/Maximum turned into the numeric form.
 */
function adapt(schema: Json): Json {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v !== 'object' || v === null) return v;
    const o = Object.fromEntries(
      Object.entries(v as Json)
        .filter(([k]) => k !== '$schema')
        .map(([k, x]) => [k, strip(x)]),
    );
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof o[flag] !== 'boolean') continue;
      if (o[flag] === true) o[flag] = o[bound];
      else delete o[flag];
      if (o[flag] !== undefined) delete o[bound];
    }
    return o;
  };
  const { id, ...rest } = strip(schema) as Json;
  return { $id: id, ...rest };
}

function suiteValidator(): { ajv: Ajv; musts: string[] } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  const defs = join(SUITE, 'definitions');
  for (const f of readdirSync(defs)) ajv.addSchema(adapt(JSON.parse(readFileSync(join(defs, f), 'utf8')) as Json));
  const list = JSON.parse(readFileSync(join(SUITE, 'annotations', 'annotationMusts.test'), 'utf8')) as { assertions: string[] };
  return { ajv, musts: list.assertions };
}

let docs: DocumentData[];
let items: Json[];
beforeAll(async () => {
  docs = await fixtureDocuments();
  const collection = JSON.parse(serializeAll('w3c', docs, FIXTURE_SCHEMA, null).stream) as { first: { items: Json[] } };
  items = collection.first.items;
});

describe('W3C export', () => {
  it('passes every MUST assertion of the W3C test suite', (ctx) => {
    if (NO_SUITE) {
      if (process.env.CI) throw new Error(`${NO_SUITE}; CI is supposed to have it`);
      console.warn(`skipped: ${NO_SUITE}`);
      ctx.skip(NO_SUITE);
    }
    const { ajv, musts } = suiteValidator();
    expect(musts.length).toBeGreaterThan(40);
    expect(items.length).toBe(docs.reduce((n, d) => n + d.annotations.length + d.relations.length, 0));
    for (const path of musts) {
      const file = join(SUITE, path);
      expect(existsSync(file), path).toBe(true);
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
      expect(schema.assertionType).toBe('must');
      const validate = ajv.compile(adapt(schema));
      for (const item of items) expect(validate(item), `${path}: ${String(item.id)} ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    }
    // The validator does reject: an annotation without a target fails the target assertion.
    const { target: _target, ...untargeted } = items[0]!;
    expect(ajv.getSchema('3.1-targetKeyFound.json')!(untargeted)).toBe(false);
  });

  it('gives each span a classifying label, tagging attributes and both selectors in code points', () => {
    for (const doc of docs) {
      const map = offsetMap(doc.text);
      const cps = [...doc.text];
      for (const a of doc.annotations) {
        const item = items.find((i) => i.id === `urn:claimdesk:doc:${doc.id}:span:${a.id}`)!;
        expect(item.motivation).toBe('classifying');
        const selectors = (item.target as { selector: Json[] }).selector;
        const position = selectors.find((s) => s.type === 'TextPositionSelector')!;
        const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!;
        expect(position.start).toBe(map.codePointFromUtf16(a.start));
        expect(cps.slice(position.start as number, position.end as number).join('')).toBe(quote.exact);
        expect(quote.exact).toBe(a.quote);
      }
    }
    expect(items.filter((i) => i.motivation === 'linking')).toHaveLength(docs.reduce((n, d) => n + d.relations.length, 0));
  });

  it('reads its own output back: every span anchors where it was, every link joins its spans', () => {
    const text = serializeAll('w3c', docs, FIXTURE_SCHEMA, null).stream;
    const parsed = parseW3c(text);
    expect(parsed.problems).toEqual([]);
    for (const doc of docs) {
      for (const a of doc.annotations) {
        const span = parsed.spans.find((s) => s.docId === doc.id && s.spanId === a.id)!;
        expect(span.label).toBe(a.label);
        expect(anchorW3cSpan(doc.text, span)).toEqual({ start: a.start, end: a.end });
      }
      expect(
        parsed.links
          .filter((l) => l.docId === doc.id)
          .map((l) => l.relationId)
          .sort(),
      ).toEqual(doc.relations.map((r) => r.id).sort());
    }
  });

  it('finds a quote by its context when the position is stale', () => {
    const text = 'said it. He said it again.';
    expect(anchorW3cSpan(text, { position: { start: 0, end: 4 }, quote: { exact: 'said', prefix: 'He ', suffix: ' it again' } })).toEqual({
      start: 0,
      end: 4,
    });
    expect(anchorW3cSpan(text, { position: { start: 3, end: 7 }, quote: { exact: 'said', prefix: 'He ', suffix: ' it again' } })).toEqual({
      start: 12,
      end: 16,
    });
    expect(anchorW3cSpan(text, { position: null, quote: { exact: 'absent', prefix: '', suffix: '' } })).toBeNull();
  });

  it('reports a file that is not an annotation, and bad items with their line', () => {
    expect(parseW3c('{"type": "Person", "name": "x"}').problems[0]!.reason).toMatch(/not a W3C Web Annotation/);
    expect(parseW3c('{\n  "type": "Annotation",\n  oops\n}').problems[0]).toMatchObject({ line: 3 });
    const mixed = parseW3c(
      JSON.stringify(
        {
          type: 'AnnotationPage',
          items: [
            { id: 'urn:x:1', type: 'Note' },
            {
              id: 'urn:x:2',
              type: 'Annotation',
              motivation: 'classifying',
              body: [{ type: 'TextualBody', purpose: 'classifying', value: 'Claim' }],
              target: { source: 'urn:claimdesk:doc:abcdef', selector: { type: 'TextQuoteSelector', exact: 'hi' } },
            },
          ],
        },
        null,
        1,
      ),
    );
    expect(mixed.spans).toHaveLength(1);
    expect(mixed.problems).toHaveLength(1);
    expect(mixed.problems[0]!.reason).toMatch(/not an Annotation/);
    expect(mixed.problems[0]!.line).toBeGreaterThan(1);
  });
});

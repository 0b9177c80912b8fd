import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prettyJson, prettyJsonBytes, prettyJsonBytesInSlices, prettyJsonInSlices } from '../../electron/services/store/pretty-json';
import { applyOperation, type Operation } from '../../shared/model/operations';
import type { DocumentData } from '../../shared/model/types';
import { generateDocument } from '../fixtures/export/generate';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyString = fc.string({ unit: codeUnit, maxLength: 20 });
/** Strings long enough for the long-string cache (the article text), surrogate pairs and lone halves included. */
const longString = fc
  .tuple(fc.string({ unit: fc.oneof(codeUnit, fc.constantFrom('😀', '\ud800', '\udc00')), maxLength: 20 }), fc.integer({ min: 4096, max: 6000 }))
  .map(([s, n]) => (s + 'x').repeat(Math.ceil(n / (s.length + 1))));
const jsonData = fc.jsonValue({ stringUnit: codeUnit, maxDepth: 6 });

/**
 * Asserts prettyJson gives JSON.stringify's text and prettyJsonBytes its UTF-8 bytes (what a file
 * of it holds, lone surrogates as U+FFFD), also when called again (from the caches); a difference
 * is shown where it starts.
 */
function expectSameText(value: unknown): void {
  const want = pretty(value);
  for (const got of [prettyJson(value), prettyJson(value)]) {
    if (got === want) continue;
    let at = 0;
    while (got[at] === want[at]) at++;
    const from = Math.max(0, at - 40);
    expect(`at ${at}: ${got.slice(from, at + 40)}`).toBe(`at ${at}: ${want.slice(from, at + 40)}`);
  }
  const wantBytes = Buffer.from(want);
  for (const got of [prettyJsonBytes(value), prettyJsonBytes(value)]) {
    if (got.equals(wantBytes)) continue;
    let at = 0;
    while (got[at] === wantBytes[at]) at++;
    expect(`byte ${at} of ${got.length}: ${got.subarray(Math.max(0, at - 40), at + 40).toString('hex')}`).toBe(
      `byte ${at} of ${wantBytes.length}: ${wantBytes.subarray(Math.max(0, at - 40), at + 40).toString('hex')}`,
    );
  }
}

/** The document as workspace.ts writes it (canonicalDocument): fields in file order, annotations sorted, same annotation objects. */
function storeFile(doc: DocumentData) {
  const { id, title, status, attributes, meta, text, blocks } = doc;
  const annotations = [...doc.annotations].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  const relations = [...doc.relations].sort((a, b) => a.id.localeCompare(b.id));
  return { version: 1, id, title, status, attributes, meta, text, blocks, annotations, relations };
}

describe('prettyJson', () => {
  it('writes any JSON value as JSON.stringify(value, null, 2) does', () => {
    fc.assert(fc.property(jsonData, expectSameText), { numRuns: 500 });
  });

  it('writes what JSON.stringify writes for any JavaScript value, and fails where it does', () => {
    const anything = fc.anything({
      stringUnit: codeUnit,
      maxDepth: 4,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      withBigInt: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (value) => {
        let expected: string | undefined;
        try {
          expected = JSON.stringify(value, null, 2);
        } catch (err) {
          expect(() => prettyJson(value)).toThrow((err as Error).constructor as new () => Error);
          expect(() => prettyJsonBytes(value)).toThrow((err as Error).constructor as new () => Error);
          return;
        }
        if (expected === undefined) {
          expect(() => prettyJson(value)).toThrow(TypeError);
          expect(() => prettyJsonBytes(value)).toThrow(TypeError);
        } else expectSameText(value);
      }),
      { numRuns: 500 },
    );
  });

  it('skips undefined members, and writes undefined and function array items as null', () => {
    const member = fc.oneof(
      jsonData,
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.constant(Symbol('s')),
    );
    const withHoles = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, member, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(anyString, tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(fc.property(fc.oneof(fc.array(withHoles), fc.dictionary(anyString, withHoles)), expectSameText), { numRuns: 500 });
    expectSameText({ a: undefined, b: [undefined, () => 1], c: { d: undefined } });
  });

  it('writes numbers and escapes strings exactly', () => {
    const numbers = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123e-20, 5e-324, Number.MAX_VALUE, -Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];
    const controls = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).join('');
    const strings = [controls, '"\\/', '\u2028\u2029', '\ud800', 'a\udc00b', '😀', '\u007f\u0080\uffff', ''];
    expectSameText({ numbers, strings, [controls]: strings, '': [[], {}, [[]], [{}], { a: {} }] });
    for (const value of [...numbers, ...strings, null, true, false, [], {}]) expectSameText(value);
    fc.assert(
      fc.property(fc.double(), fc.string({ unit: codeUnit }), (n, s) => expectSameText({ n, s, [s]: [n, s] })),
      { numRuns: 1000 },
    );
  });

  it('writes long strings (the article text) exactly, switching between several', () => {
    fc.assert(
      fc.property(fc.array(longString, { minLength: 1, maxLength: 3 }), (texts) => {
        for (const text of [...texts, ...texts]) expectSameText({ text, nested: [{ text }] });
      }),
      { numRuns: 30 },
    );
  });

  it('writes deep nesting as JSON.stringify does', () => {
    let deep: unknown = { leaf: 'x' };
    for (let i = 0; i < 500; i++) deep = i % 2 === 0 ? [deep, i] : { i, deep };
    expectSameText(deep);
    expectSameText({ again: deep });
    expectSameText([[[deep]]]);
  });

  it('writes an object shared between places, at different depths, each time at its own depth', () => {
    // A tree whose leaves are objects from a small pool, so the same object turns up at several depths.
    type Shape = { ref: number } | { items: Shape[] } | { members: [string, Shape][] };
    const shape: fc.Arbitrary<Shape> = fc.letrec<{ shape: Shape }>((tie) => ({
      shape: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ ref: fc.nat(3) }),
        fc.record({ items: fc.array(tie('shape'), { maxLength: 4 }) }),
        fc.record({ members: fc.array(fc.tuple(anyString, tie('shape')), { maxLength: 4 }) }),
      ),
    })).shape;
    const build = (s: Shape, pool: readonly unknown[]): unknown =>
      'ref' in s
        ? pool[s.ref % pool.length]
        : 'items' in s
          ? s.items.map((x) => build(x, pool))
          : Object.fromEntries(s.members.map(([k, x]) => [k, build(x, pool)]));
    const pool = fc.array(fc.oneof(fc.array(jsonData, { maxLength: 3 }), fc.dictionary(anyString, jsonData, { maxKeys: 3 })), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(pool, fc.array(shape, { minLength: 1, maxLength: 4 }), (objects, shapes) => {
        for (const s of shapes) expectSameText(build(s, objects));
      }),
      { numRuns: 300 },
    );
  });

  it('reuses the text of objects below the top two levels by identity, and sees in-place changes above them', () => {
    fc.assert(
      fc.property(fc.dictionary(anyString, jsonData, { minKeys: 1 }), (value) => {
        const doc = { annotations: [value] };
        expectSameText(doc);
        const copy = { annotations: [structuredClone(value)] };
        expectSameText(copy);
        expect(prettyJson(copy)).toBe(prettyJson(doc));
      }),
    );
    // The cache's contract: an annotation it has written is never changed in place (a changed
    // one is a new object). This shows the reuse.
    const annotation: Record<string, unknown> = { id: 'a1', label: 'Claim' };
    const doc: Record<string, unknown> = { annotations: [annotation] };
    const before = prettyJson(doc);
    annotation['label'] = 'Source';
    expect(prettyJson(doc)).toBe(before);
    expect(prettyJson({ annotations: [{ ...annotation }] })).toBe(pretty({ annotations: [annotation] }));
    // The top two levels are walked each time: the index's rows array and the document object
    // may be changed in place.
    const rows = [{ id: 'd1', annotationCount: 1 }];
    const index: Record<string, unknown> = { version: 1, documents: rows };
    expectSameText(index);
    rows.push({ id: 'd2', annotationCount: 0 });
    rows[0] = { id: 'd1', annotationCount: 2 };
    index['schema'] = { labels: [] };
    expectSameText(index);
  });

  it('refuses what JSON has no text for, and circular structures', () => {
    expect(() => prettyJson(undefined)).toThrow(TypeError);
    expect(() => prettyJson(() => 1)).toThrow(TypeError);
    expect(() => prettyJson({ n: 1n })).toThrow(TypeError);
    const loop: Record<string, unknown> = { a: [] };
    (loop['a'] as unknown[]).push(loop);
    expect(() => prettyJson(loop)).toThrow(/circular/);
    const self: unknown[] = [];
    self.push(self);
    expect(() => prettyJson(self)).toThrow(/circular/);
  });

  it('writes the same text in slices, with pauses while it fills the cache', async () => {
    const member = fc.oneof(jsonData, longString, fc.constant(undefined));
    const value = fc.oneof(
      fc.dictionary(anyString, fc.oneof(member, fc.array(member, { maxLength: 4 }), fc.dictionary(anyString, member, { maxKeys: 3 })), {
        maxKeys: 4,
      }),
      fc.array(member, { maxLength: 4 }),
      member,
    );
    await fc.assert(
      fc.asyncProperty(value, fc.integer({ min: 2, max: 9 }), async (v, stringSlice) => {
        const pause = async () => undefined;
        const text = pretty(v) as string | undefined;
        if (text === undefined) {
          await expect(prettyJsonInSlices(v, pause, stringSlice)).rejects.toThrow(TypeError);
          await expect(prettyJsonBytesInSlices(v, pause, stringSlice)).rejects.toThrow(TypeError);
          return;
        }
        expect(await prettyJsonInSlices(v, pause, stringSlice)).toBe(text);
        expect(await prettyJsonInSlices(structuredClone(v), pause, stringSlice)).toBe(text);
        expect(prettyJson(v)).toBe(text);
        const bytes = Buffer.from(text);
        expect((await prettyJsonBytesInSlices(v, pause, stringSlice)).equals(bytes)).toBe(true);
        expect((await prettyJsonBytesInSlices(structuredClone(v), pause, stringSlice)).equals(bytes)).toBe(true);
        expect(prettyJsonBytes(v).equals(bytes)).toBe(true);
      }),
      { numRuns: 200 },
    );
    let pauses = 0;
    const doc = { text: '😀'.repeat(5000), annotations: [{ id: 'a' }, { id: 'b' }] };
    expect(await prettyJsonInSlices(doc, async () => void pauses++, 1000)).toBe(pretty(doc));
    expect(pauses).toBe(10 + 2); // 10,000 UTF-16 units in slices of 1,000 (pairs kept whole), and one per annotation
    expect(await prettyJsonInSlices({ ...doc }, async () => void pauses++, 1000)).toBe(pretty(doc));
    expect(pauses).toBe(12); // all from the cache
    // The bytes have a cache of their own: the annotations once more, the text already escaped.
    expect((await prettyJsonBytesInSlices({ ...doc }, async () => void pauses++, 1000)).equals(Buffer.from(pretty(doc)))).toBe(true);
    expect(pauses).toBe(14);
    expect((await prettyJsonBytesInSlices({ ...doc }, async () => void pauses++, 1000)).equals(Buffer.from(pretty(doc)))).toBe(true);
    expect(pauses).toBe(14);
  });

  it('writes a generated annotated document, and each version of it after changes, as JSON.stringify does', () => {
    let doc = generateDocument(1, { seed: 7, annotations: 2_000, words: 20_000 });
    doc = { ...doc, attributes: { topic: 'energy', tags: ['grid', 'rural'], reviewed: false } };
    expectSameText(storeFile(doc));
    const [first, second] = doc.annotations;
    const ops: Operation[] = [
      { op: 'addAnnotation', annotation: { ...first!, id: 'added', label: 'Cue', note: 'line\nbreak "quoted" \u2028' } },
      { op: 'updateAnnotation', id: second!.id, before: { label: second!.label }, after: { label: 'Entity', attributes: {} } },
      {
        op: 'addRelation',
        relation: { id: 'r-new', type: 'attributed_to', from: 'added', to: second!.id, author: 'me', createdAt: '2025-02-01T00:00:00.000Z' },
      },
      { op: 'updateDocument', before: { status: doc.status }, after: { status: 'done', title: 'Renamed “title”' } },
      {
        op: 'removeRelation',
        relation: { id: 'r-new', type: 'attributed_to', from: 'added', to: second!.id, author: 'me', createdAt: '2025-02-01T00:00:00.000Z' },
      },
      { op: 'removeAnnotation', annotation: { ...first!, id: 'added' } },
    ];
    for (const op of ops) {
      doc = applyOperation(doc, op);
      const file = storeFile(doc);
      expectSameText(file);
      expect(JSON.parse(prettyJson(file))).toEqual(file);
    }
  });
});

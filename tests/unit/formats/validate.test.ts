/** validate: the fixture is clean except as built; each rule reports what breaks it. */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../shared/formats/validate';
import { fixtureDocuments, FIXTURE_SCHEMA } from '../../fixtures/export/fixture';

describe('validateDocument', () => {
  it('finds nothing wrong with the fixture', async () => {
    for (const doc of await fixtureDocuments()) expect(validateDocument(doc, FIXTURE_SCHEMA)).toEqual([]);
  });

  it('reports quotes, unknown labels, bad values, dangling and disallowed relations, and attributed claims without a source', async () => {
    const doc = (await fixtureDocuments())[0]!;
    const [first, second, ...rest] = doc.annotations;
    const broken = {
      ...doc,
      annotations: [
        { ...first!, quote: `${first!.quote}!` },
        { ...second!, label: 'Rumour' },
        ...rest.map((a) => (a.id === 'c2' ? { ...a, attributes: { ...a.attributes, claim_type: 'gossip', confidence: 'high' } } : a)),
      ],
      relations: [
        ...doc.relations.filter((r) => r.id !== 'r6'),
        { id: 'x1', type: 'attributed_to', from: 'c1', to: 'gone', author: '', createdAt: '' },
        { id: 'x2', type: 'supports', from: 'c1', to: 's1', author: '', createdAt: '' },
      ],
    };
    const problems = validateDocument(broken, FIXTURE_SCHEMA);
    const kinds = problems.map((p) => `${p.kind}:${p.id}`);
    expect(kinds).toContain(`quote:${first!.id}`);
    expect(kinds).toContain(`schema:${second!.id}`);
    expect(problems.filter((p) => p.id === 'c2').map((p) => p.message)).toEqual([
      expect.stringMatching(/claim_type: "gossip"/),
      expect.stringMatching(/confidence: "high" is not a number/),
    ]);
    expect(kinds).toContain('relation:x1');
    expect(kinds).toContain('schema:x2');
    expect(kinds).toContain('attribution:c3');
    expect(problems.find((p) => p.id === 'c3')!.at).toEqual([225, 274]);
  });

  it('reports each required attribute left unset (the legacy "unset" too), and takes no unset value for a value the schema lacks', async () => {
    const schema = {
      ...FIXTURE_SCHEMA,
      labels: FIXTURE_SCHEMA.labels.map((l) =>
        l.name === 'Claim' ? { ...l, attributes: l.attributes.map((a) => (a.name === 'claim_type' ? { ...a, required: true } : a)) } : l,
      ),
    };
    const doc = (await fixtureDocuments())[0]!;
    const claims = doc.annotations.filter((a) => a.label === 'Claim');
    const broken = {
      ...doc,
      annotations: doc.annotations.map((a) =>
        a.id === claims[0]!.id
          ? { ...a, attributes: { ...a.attributes, claim_type: 'unset', checkworthy: 'unset', topics: [], claim_summary: '' } }
          : a.id === claims[1]!.id
            ? { ...a, attributes: Object.fromEntries(Object.entries(a.attributes).filter(([k]) => k !== 'claim_type')) }
            : a,
      ),
    };
    const problems = validateDocument(broken, schema);
    expect(problems.filter((p) => p.kind !== 'attribution').map((p) => [p.kind, p.id, p.message])).toEqual([
      ['required', claims[0]!.id, 'required attribute claim_type not set'],
      ['required', claims[1]!.id, 'required attribute claim_type not set'],
    ]);
  });
});

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
});

import { describe, expect, it } from 'vitest';
import { schemaProblem } from '../../shared/api-validate';
import { DEFAULT_SCHEMA } from '../../shared/model/default-schema';

/** The default schema with the first Claim attribute given `extra` fields. */
const withClaimAttribute = (extra: Record<string, unknown>) => ({
  ...DEFAULT_SCHEMA,
  labels: DEFAULT_SCHEMA.labels.map((l, i) => (i === 0 ? { ...l, attributes: l.attributes.map((a, j) => (j === 0 ? { ...a, ...extra } : a)) } : l)),
});

describe('schemaProblem (a schema read from disk)', () => {
  it('accepts the required option of an attribute, and a schema with defaults', () => {
    expect(schemaProblem(DEFAULT_SCHEMA)).toBeNull();
    expect(schemaProblem(withClaimAttribute({ required: true }))).toBeNull();
    expect(schemaProblem(withClaimAttribute({ required: false, default: 'yes' }))).toBeNull();
  });

  it('refuses a required option that is not true or false, naming where it is', () => {
    expect(schemaProblem(withClaimAttribute({ required: 'yes' }))).toMatch(/^its schema is not valid: .* at labels\.0\.attributes\.0\.required$/);
  });
});

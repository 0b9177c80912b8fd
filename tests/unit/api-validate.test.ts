import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { schemaProblem, validateArg } from '../../shared/api-validate';
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

describe('the suggestions methods’ arguments (#15)', () => {
  const docId = 'ab12cd34ef56';
  const refused = (method: 'getSuggestions' | 'rejectSuggestions' | 'updatePreferences', arg: unknown) => {
    try {
      validateArg(method, arg);
      return null;
    } catch (err) {
      return err instanceof ApiError ? err.code : 'other';
    }
  };

  it('takes a document, an optional layer and the compute and undo flags, and keys Label:start-end', () => {
    expect(validateArg('getSuggestions', { docId, layer: 'curated', compute: true })).toEqual({ docId, layer: 'curated', compute: true });
    expect(validateArg('rejectSuggestions', { docId, keys: ['Claim:0-12', 'Source:3-9'], undo: true })).toEqual({
      docId,
      keys: ['Claim:0-12', 'Source:3-9'],
      undo: true,
    });
    expect(validateArg('updatePreferences', { author: 'ann', suggestOnImport: true })).toEqual({ author: 'ann', suggestOnImport: true });
  });

  it('refuses what does not fit: a layer choice, a key that is not Label:start-end, a flag that is not boolean, extra fields', () => {
    expect(refused('getSuggestions', { docId, layer: 'all' })).toBe('INVALID_INPUT');
    expect(refused('getSuggestions', { docId, compute: 'yes' })).toBe('INVALID_INPUT');
    expect(refused('getSuggestions', { docId: '../x' })).toBe('INVALID_INPUT');
    for (const key of ['Claim', 'Claim:1', 'Claim:-1-2', 'Claim:1-2x', ':1-2', 'Cl\naim:1-2'])
      expect(refused('rejectSuggestions', { docId, keys: [key] })).toBe('INVALID_INPUT');
    expect(refused('rejectSuggestions', { docId })).toBe('INVALID_INPUT');
    expect(refused('rejectSuggestions', { docId, keys: [], extra: 1 })).toBe('INVALID_INPUT');
    expect(refused('updatePreferences', { author: 'ann', suggestOnImport: 'on' })).toBe('INVALID_INPUT');
  });
});

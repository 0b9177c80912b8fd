/**
 * The Suggest key (#15) is kept from label hotkeys: the schema editor refuses "s" (either case)
 * with a sentence saying what the key does, as it refuses "v", and the default labels leave it free.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { SUGGEST_KEY, reservedHotkeyProblem } from '../../../shared/model/reserved-keys';
import { draftFromSchema, draftIssues } from '../../../shared/model/schema-edit';

describe('the Suggest key', () => {
  it('is refused as a label hotkey, in either case, with what it does', () => {
    for (const key of [SUGGEST_KEY, SUGGEST_KEY.toUpperCase()])
      expect(reservedHotkeyProblem(key)).toMatch(/asks for suggestions.*pick another hotkey/);
  });
  it('is refused by the schema editor on a label', () => {
    const draft = draftFromSchema(DEFAULT_SCHEMA);
    const [first, ...rest] = draft.labels;
    const issues = draftIssues({ ...draft, labels: [{ ...first!, hotkey: SUGGEST_KEY }, ...rest] });
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/asks for suggestions/));
  });
  it('is no default label’s hotkey', () => {
    expect(DEFAULT_SCHEMA.labels.map((l) => l.hotkey.toLowerCase())).not.toContain(SUGGEST_KEY);
    expect(draftIssues(draftFromSchema(DEFAULT_SCHEMA))).toEqual([]);
  });
});

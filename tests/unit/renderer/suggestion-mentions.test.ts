/**
 * The signature "every occurrence" suggestions are cached on (renderer/state/suggestion-mentions.ts):
 * it changes with the tagged Source and Entity mentions, their bounds and their attributes (an
 * occurrence carries its tagged mention's attributes, review of #15), and not with other labels.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/types';
import { mentionSignature } from '../../../renderer/state/suggestion-mentions';

const mention = (label: string, start: number, end: number, attributes: Annotation['attributes'] = {}): Annotation =>
  ({ id: `${label}${start}`, label, start, end, attributes }) as unknown as Annotation;

describe('mentionSignature', () => {
  const hill = mention('Source', 0, 4, { identification: 'named' });
  it('changes when a tagged mention’s attributes change', () => {
    expect(mentionSignature('d1', [hill])).not.toBe(mentionSignature('d1', [{ ...hill, attributes: { identification: 'described' } }]));
  });
  it('changes with the mentions’ bounds and the document, not with other labels', () => {
    const base = mentionSignature('d1', [hill]);
    expect(mentionSignature('d1', [{ ...hill, end: 5 }])).not.toBe(base);
    expect(mentionSignature('d2', [hill])).not.toBe(base);
    expect(mentionSignature('d1', [hill, mention('Claim', 10, 20, { quote_form: 'direct' })])).toBe(base);
  });
});

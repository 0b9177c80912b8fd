/**
 * The default tag schema every new workspace starts with (SCHEMA.md): Claim, Source, Cue,
 * Evidence, Entity and the attribution links between them. Data only. Every attribute starts
 * unset (nothing is stored until the analyst chooses), so no value list holds "unset"; a
 * choice's default (its first value, or none) is only a suggestion the picker marks.
 */
import type { AttributeDef, Schema } from './types';

/** A choice attribute suggesting `suggested` (by default its first value; null suggests none). */
const choice = (name: string, values: readonly string[], suggested: string | null = values[0] ?? null): AttributeDef => ({
  name,
  kind: 'choice',
  values,
  default: suggested,
});
const text = (name: string): AttributeDef => ({ name, kind: 'text', default: null });

export const DEFAULT_SCHEMA: Schema = {
  labels: [
    {
      name: 'Claim',
      color: '#f5a524',
      hotkey: '1',
      attributes: [
        choice('checkworthy', ['yes', 'no'], null),
        choice('verifiable', ['yes', 'no'], null),
        choice('claim_type', ['factual', 'statistical', 'causal', 'prediction', 'opinion', 'normative', 'promise', 'other']),
        choice('attribution', ['attributed', 'authorial']),
        choice('quote_form', ['direct', 'indirect', 'mixed', 'none']),
        choice('veracity', ['unknown', 'true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'unverifiable']),
        text('factcheck_url'),
        text('claim_summary'),
      ],
    },
    {
      name: 'Source',
      color: '#3b82f6',
      hotkey: '2',
      attributes: [
        choice('identification', ['named', 'described', 'anonymous', 'pronoun']),
        choice('kind', ['person', 'organization', 'group', 'document', 'media', 'social_post', 'unknown']),
        choice('role', ['official', 'politician', 'spokesperson', 'expert', 'eyewitness', 'citizen', 'advocate', 'business', 'journalist', 'other']),
        choice('ground_rules', ['unknown', 'on_record', 'background', 'deep_background']),
        text('kb_id'),
      ],
    },
    { name: 'Cue', color: '#8a8f98', hotkey: '3', attributes: [choice('cue_class', ['communication', 'belief', 'factive', 'other'])] },
    { name: 'Evidence', color: '#22a06b', hotkey: '4', attributes: [] },
    { name: 'Entity', color: '#9b5de5', hotkey: '5', attributes: [] },
  ],
  relationTypes: [
    { name: 'attributed_to', from: ['Claim'], to: ['Source'] },
    { name: 'has_cue', from: ['Claim'], to: ['Cue'] },
    { name: 'coref', from: ['Source', 'Entity'], to: ['Source', 'Entity'] },
    { name: 'supports', from: ['Evidence'], to: ['Claim'] },
    { name: 'refutes', from: ['Evidence'], to: ['Claim'] },
  ],
  documentAttributes: [text('topic'), choice('reliability', ['high', 'mixed', 'low'], null)],
};

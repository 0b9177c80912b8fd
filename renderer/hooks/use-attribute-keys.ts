/**
 * Attribute keys: with an annotation selected, **v**, then an attribute's key, then a value's key
 * sets a choice attribute without the mouse (as Prodigy's single-key choices); **0** as the
 * value's key clears it back to unset, Esc cancels. Keys are 1–9 then a–z, in schema order;
 * the details panel shows them next to each attribute and, once an attribute is picked, next
 * to each of its values. The value goes through the caller's `onSet` (the setAttribute
 * command), so it is saved and undoable like a pick with the mouse.
 *
 * The keys are read on the window in the capture phase, before the article's own keys (where
 * digits are label hotkeys), and only while no text is typed (isTypingTarget, as undo/redo),
 * no select has focus (its own type-ahead) and no dialog is open over the window. A key the
 * sequence takes goes no further, so the article never sees it: starting a sequence therefore
 * calls `onStart` (the caller dismisses the link offered after a tag, which any other key
 * dismisses in the article). During a sequence a character that
 * names no attribute or value is swallowed and the step says so (it would otherwise tag the
 * word at the caret); any other key (arrows, Tab, Enter) ends the sequence and goes on as
 * usual. Selecting another annotation ends it too. Must not hold any other key.
 */
import { useEffect, useRef, useState } from 'react';
import { ATTRIBUTE_KEY, UNSET_KEY } from '../../shared/model/reserved-keys';
import { choiceValues } from '../../shared/model/schema-rules';
import type { AttributeDef, AttributeValue } from '../../shared/model/types';
import { isTypingTarget, MODIFIER_KEYS } from './use-hotkeys';
import { useLatest } from './use-latest';
/** The keys of attributes and values, by position. */
const KEYS = '123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Where a sequence is: not started, waiting for an attribute's key, or for a value's key of
 * `name`; `missed` is the last key pressed at this step that named nothing (null when none).
 */
export type AttributeKeyStep = Readonly<
  { step: 'idle' } | { step: 'attribute'; missed: string | null } | { step: 'value'; name: string; missed: string | null }
>;

const IDLE: AttributeKeyStep = { step: 'idle' };

/** The key of the item at `index` (attributes and values alike), or null past the last key. */
export function keyAt(index: number): string | null {
  return KEYS[index] ?? null;
}

/** The attributes keys can set (choice attributes with values), in schema order. */
export function keyedAttributes(attributes: readonly AttributeDef[]): AttributeDef[] {
  return attributes.filter((d) => d.kind === 'choice' && choiceValues(d).length > 0).slice(0, KEYS.length);
}

export type AttributeKeysOptions = Readonly<{
  /** The selected annotation's id: a sequence under way ends when it changes. */
  annotationId: string;
  /** The selected annotation's label attributes (all of them; the keyed ones are picked here). */
  attributes: readonly AttributeDef[];
  /** False in a read-only layer: no key is taken. */
  isEnabled: boolean;
  /** Sets (or, with null, clears) one attribute. */
  onSet: (name: string, value: AttributeValue) => void;
  /** Called when a sequence starts (v pressed). */
  onStart: () => void;
}>;

/** True when a key press should be left alone: modifiers, typing, a select's type-ahead, an open dialog. */
function isOtherKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || MODIFIER_KEYS.has(event.key)) return true;
  const target = event.target;
  if (isTypingTarget(target) || target instanceof HTMLSelectElement) return true;
  return target instanceof Element && target.closest('dialog, [role="dialog"]') !== null;
}

/**
 * Listens for attribute keys while mounted (the details panel of one annotation).
 * @returns the step of the sequence under way, for the panel to show the keys it expects
 */
export function useAttributeKeys(options: AttributeKeysOptions): AttributeKeyStep {
  const [step, setShownStep] = useState<AttributeKeyStep>(IDLE);
  // The step as the listener sees it: set at once, so a key pressed before the next render reads it.
  const current = useRef(step);
  const latest = useLatest(options);
  const { annotationId } = options;
  useEffect(() => {
    const setStep = (next: AttributeKeyStep) => {
      current.current = next;
      setShownStep(next);
    };
    const onKey = (event: KeyboardEvent) => {
      const { attributes, isEnabled, onSet, onStart } = latest.current;
      const now = current.current;
      if (!isEnabled || isOtherKey(event)) return;
      const take = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      if (now.step === 'idle') {
        if (event.key !== ATTRIBUTE_KEY || keyedAttributes(attributes).length === 0) return;
        take();
        setStep({ step: 'attribute', missed: null });
        onStart();
        return;
      }
      if (event.key === 'Escape' || event.key.length !== 1) {
        // Esc is the sequence's; any other named key (arrows, Tab, Enter) ends it and goes on.
        if (event.key === 'Escape') take();
        setStep(IDLE);
        return;
      }
      take();
      if (now.step === 'attribute') {
        const def = keyedAttributes(attributes)[KEYS.indexOf(event.key)];
        setStep(def ? { step: 'value', name: def.name, missed: null } : { ...now, missed: event.key });
        return;
      }
      const def = attributes.find((d) => d.name === now.name);
      const values = def ? choiceValues(def) : [];
      const value = event.key === UNSET_KEY ? null : values[KEYS.indexOf(event.key)];
      if (value === undefined) return setStep({ ...now, missed: event.key });
      setStep(IDLE);
      onSet(now.name, value);
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      // Another annotation (or none): a sequence begun on this one does not carry over.
      setStep(IDLE);
    };
  }, [latest, annotationId]);
  return step;
}

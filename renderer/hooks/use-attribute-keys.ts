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
 * no select has focus (its own type-ahead) and no dialog is open over the window. A key that
 * is not part of the sequence ends it and goes on as usual. Must not hold any other key.
 */
import { useEffect, useRef, useState } from 'react';
import { choiceValues } from '../../shared/model/schema-rules';
import type { AttributeDef, AttributeValue } from '../../shared/model/types';
import { isTypingTarget } from './use-hotkeys';
import { useLatest } from './use-latest';

/** The key that starts a sequence. */
export const ATTRIBUTE_KEY = 'v';
/** The value key that clears an attribute. */
export const UNSET_KEY = '0';
/** The keys of attributes and values, by position. */
const KEYS = '123456789abcdefghijklmnopqrstuvwxyz';

/** Where a sequence is: not started, waiting for an attribute's key, or for a value's key of `name`. */
export type AttributeKeyStep = Readonly<{ step: 'idle' } | { step: 'attribute' } | { step: 'value'; name: string }>;

/** The key of the item at `index` (attributes and values alike), or null past the last key. */
export function keyAt(index: number): string | null {
  return KEYS[index] ?? null;
}

/** The attributes keys can set (choice attributes with values), in schema order. */
export function keyedAttributes(attributes: readonly AttributeDef[]): AttributeDef[] {
  return attributes.filter((d) => d.kind === 'choice' && choiceValues(d).length > 0).slice(0, KEYS.length);
}

export type AttributeKeysOptions = Readonly<{
  /** The selected annotation's label attributes (all of them; the keyed ones are picked here). */
  attributes: readonly AttributeDef[];
  /** False in a read-only layer: no key is taken. */
  isEnabled: boolean;
  /** Sets (or, with null, clears) one attribute. */
  onSet: (name: string, value: AttributeValue) => void;
}>;

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

/** True when a key press should be left alone: modifiers, typing, a select's type-ahead, an open dialog. */
function isOtherKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || MODIFIERS.has(event.key)) return true;
  const target = event.target;
  if (isTypingTarget(target) || target instanceof HTMLSelectElement) return true;
  return target instanceof Element && target.closest('dialog, [role="dialog"]') !== null;
}

/**
 * Listens for attribute keys while mounted (the details panel of one annotation).
 * @returns the step of the sequence under way, for the panel to show the keys it expects
 */
export function useAttributeKeys(options: AttributeKeysOptions): AttributeKeyStep {
  const [step, setShownStep] = useState<AttributeKeyStep>({ step: 'idle' });
  // The step as the listener sees it: set at once, so a key pressed before the next render reads it.
  const current = useRef(step);
  const latest = useLatest(options);
  useEffect(() => {
    const setStep = (next: AttributeKeyStep) => {
      current.current = next;
      setShownStep(next);
    };
    const onKey = (event: KeyboardEvent) => {
      const { attributes, isEnabled, onSet } = latest.current;
      const now = current.current;
      if (!isEnabled || isOtherKey(event)) return;
      const take = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      if (now.step === 'idle') {
        if (event.key !== ATTRIBUTE_KEY || keyedAttributes(attributes).length === 0) return;
        take();
        setStep({ step: 'attribute' });
        return;
      }
      if (event.key === 'Escape') {
        take();
        setStep({ step: 'idle' });
        return;
      }
      if (now.step === 'attribute') {
        const def = keyedAttributes(attributes)[KEYS.indexOf(event.key)];
        if (event.key.length === 1 && def) {
          take();
          setStep({ step: 'value', name: def.name });
        } else setStep({ step: 'idle' });
        return;
      }
      const def = attributes.find((d) => d.name === now.name);
      const values = def ? choiceValues(def) : [];
      const value = event.key === UNSET_KEY ? null : values[KEYS.indexOf(event.key)];
      setStep({ step: 'idle' });
      if (event.key.length !== 1 || value === undefined) return;
      take();
      onSet(now.name, value);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [latest]);
  return step;
}

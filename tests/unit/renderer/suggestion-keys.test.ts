/**
 * The suggestion keys' rules (renderer/state/suggestion-key-rules.ts), as the README's key table
 * states them: s asks; while suggestions are shown Tab moves, Enter / a accept and x rejects on a
 * suggestion, Shift+X takes a rejection back; link mode, label hotkeys, chords and a pending link
 * offer (for Enter) keep their keys; away from a suggestion Enter, a and x pass on.
 */
import { describe, expect, it } from 'vitest';
import { suggestionKeyAction, type SuggestionKeyPress, type SuggestionKeyState } from '../../../renderer/state/suggestion-key-rules';

const press = (key: string, more: Partial<SuggestionKeyPress> = {}): SuggestionKeyPress => ({
  key,
  shiftKey: false,
  isChord: false,
  isLabelKey: false,
  ...more,
});
const ON: SuggestionKeyState = { isLinking: false, hasOffer: false, isShown: true, hasActive: true, isAsking: false };

describe('suggestionKeyAction', () => {
  it('s asks, shown or not', () => {
    expect(suggestionKeyAction(press('s'), ON)).toBe('ask');
    expect(suggestionKeyAction(press('s'), { ...ON, isShown: false, hasActive: false })).toBe('ask');
  });
  it('on a suggestion: Enter and a accept, x rejects, Tab and Shift+Tab move, Shift+X takes a rejection back', () => {
    expect(suggestionKeyAction(press('Enter'), ON)).toBe('accept');
    expect(suggestionKeyAction(press('a'), ON)).toBe('accept');
    expect(suggestionKeyAction(press('x'), ON)).toBe('reject');
    expect(suggestionKeyAction(press('Tab'), ON)).toBe('next');
    expect(suggestionKeyAction(press('Tab', { shiftKey: true }), ON)).toBe('previous');
    expect(suggestionKeyAction(press('X', { shiftKey: true }), ON)).toBe('unreject');
  });
  it('away from a suggestion, Enter, a and x pass on, Tab still moves', () => {
    const off = { ...ON, hasActive: false };
    for (const key of ['Enter', 'a', 'x']) expect(suggestionKeyAction(press(key), off)).toBe('pass');
    expect(suggestionKeyAction(press('Tab'), off)).toBe('next');
  });
  it('with no suggestions shown, only s is theirs (Tab goes through annotations)', () => {
    const hidden = { ...ON, isShown: false, hasActive: false };
    for (const key of ['Tab', 'Enter', 'a', 'x']) expect(suggestionKeyAction(press(key), hidden)).toBe('pass');
  });
  it('a pending link offer keeps Enter; a and x still decide the suggestion', () => {
    const offer = { ...ON, hasOffer: true };
    expect(suggestionKeyAction(press('Enter'), offer)).toBe('pass');
    expect(suggestionKeyAction(press('a'), offer)).toBe('accept');
    expect(suggestionKeyAction(press('x'), offer)).toBe('reject');
  });
  it('link mode, label hotkeys and chords keep every key', () => {
    for (const key of ['s', 'Tab', 'Enter', 'a', 'x']) {
      expect(suggestionKeyAction(press(key), { ...ON, isLinking: true })).toBe('pass');
      expect(suggestionKeyAction(press(key, { isChord: true }), ON)).toBe('pass');
    }
    expect(suggestionKeyAction(press('a', { isLabelKey: true }), ON)).toBe('pass');
    expect(suggestionKeyAction(press('s', { isLabelKey: true }), ON)).toBe('pass');
  });
  it('other keys pass on', () => {
    for (const key of ['j', 'k', 'l', 'Escape', 'Delete', '1']) expect(suggestionKeyAction(press(key), ON)).toBe('pass');
  });
  it('Shift+X takes a rejection back even when a label’s hotkey is x (review of #15)', () => {
    expect(suggestionKeyAction(press('X', { shiftKey: true, isLabelKey: true }), ON)).toBe('unreject');
    expect(suggestionKeyAction(press('x', { isLabelKey: true }), ON)).toBe('pass');
  });
  it('with Caps Lock on, A, X and S without Shift act as a, x and s; Shift+x (Caps Lock and Shift) takes back', () => {
    expect(suggestionKeyAction(press('A'), ON)).toBe('accept');
    expect(suggestionKeyAction(press('X'), ON)).toBe('reject');
    expect(suggestionKeyAction(press('S'), ON)).toBe('ask');
    expect(suggestionKeyAction(press('x', { shiftKey: true }), ON)).toBe('unreject');
  });
  it('s while suggestions are being made does nothing (no second ask)', () => {
    expect(suggestionKeyAction(press('s'), { ...ON, isAsking: true })).toBe('none');
  });
});

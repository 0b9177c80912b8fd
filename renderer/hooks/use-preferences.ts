/**
 * The user's preferences: the author name stamped on every annotation and link (the OS user
 * name until the user sets one), and whether suggestions are turned on for documents as they are
 * imported (#15). Loaded once; `save` stores new ones and uses them at once.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClaimdeskApi, Preferences } from '../../shared/api';
import { describeError } from '../util/format';
import { useLatest } from './use-latest';

export type PreferencesState = Readonly<{
  /** The author name ('' until loaded, or when it could not be loaded). */
  author: string;
  /** Suggestions are turned on for documents as they are imported (false until loaded). */
  suggestOnImport: boolean;
  /** Saves new preferences. @throws what updatePreferences throws */
  save: (next: Preferences) => Promise<void>;
}>;

/** @param onError told when the preferences cannot be loaded */
export function usePreferences(api: ClaimdeskApi, onError: (message: string) => void): PreferencesState {
  const [prefs, setPrefs] = useState<Preferences>({ author: '' });
  const onErrorRef = useLatest(onError);
  useEffect(() => {
    let wanted = true;
    api.getPreferences().then(
      (prefs) => {
        if (wanted) setPrefs(prefs);
      },
      (err: unknown) => {
        if (wanted) onErrorRef.current(describeError('Could not load your preferences (annotations get no author name)', err));
      },
    );
    return () => {
      wanted = false;
    };
  }, [api, onErrorRef]);
  const save = useCallback(
    async (next: Preferences) => {
      setPrefs(await api.updatePreferences(next));
    },
    [api],
  );
  // The same object while nothing changes: the dialogs that take it skip the window's renders (#14).
  const suggestOnImport = prefs.suggestOnImport === true;
  return useMemo(() => ({ author: prefs.author, suggestOnImport, save }), [prefs.author, suggestOnImport, save]);
}

/**
 * The user's preferences: the author name stamped on every annotation and link (the OS user
 * name until the user sets one). Loaded once; `save` stores a new one and uses it at once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import { describeError } from '../util/format';
import { useLatest } from './use-latest';

export type PreferencesState = Readonly<{
  /** The author name ('' until loaded, or when it could not be loaded). */
  author: string;
  /** Saves a new author name. @throws what updatePreferences throws */
  saveAuthor: (author: string) => Promise<void>;
}>;

/** @param onError told when the preferences cannot be loaded */
export function usePreferences(api: ClaimdeskApi, onError: (message: string) => void): PreferencesState {
  const [author, setAuthor] = useState('');
  const onErrorRef = useLatest(onError);
  useEffect(() => {
    let wanted = true;
    api.getPreferences().then(
      (prefs) => {
        if (wanted) setAuthor(prefs.author);
      },
      (err: unknown) => {
        if (wanted) onErrorRef.current(describeError('Could not load your preferences (annotations get no author name)', err));
      },
    );
    return () => {
      wanted = false;
    };
  }, [api, onErrorRef]);
  const saveAuthor = useCallback(
    async (next: string) => {
      const saved = await api.updatePreferences({ author: next });
      setAuthor(saved.author);
    },
    [api],
  );
  return { author, saveAuthor };
}

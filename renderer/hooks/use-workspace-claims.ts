/**
 * The workspace claims table's rows (#12): asked of the service (listClaims) for one layer, and
 * again whenever the layer or the workspace's revision changes (a save here or elsewhere); the
 * rows shown stay until the new ones arrive, and answers to an older request are dropped. The
 * service reads the layers and builds the rows; nothing is computed here.
 */
import { useEffect, useState } from 'react';
import type { ClaimdeskApi, ClaimList } from '../../shared/api';
import { describeError } from '../util/format';

export type WorkspaceClaimsState = Readonly<{
  /** The last list that arrived, or null before the first. */
  list: ClaimList | null;
  /** True while a list is being read. */
  isLoading: boolean;
  /** Why the last request failed, or null. */
  error: string | null;
}>;

/**
 * @param layer the layer whose claims are listed
 * @param revision the workspace's revision: a new one reads the list again
 */
export function useWorkspaceClaims(api: ClaimdeskApi, layer: string, revision: number | null): WorkspaceClaimsState {
  const [state, setState] = useState<WorkspaceClaimsState>({ list: null, isLoading: true, error: null });
  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({ ...s, isLoading: true }));
    api.listClaims({ layer }).then(
      (list) => isCurrent && setState({ list, isLoading: false, error: null }),
      (err: unknown) => isCurrent && setState((s) => ({ ...s, isLoading: false, error: describeError('Could not list the claims', err) })),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, layer, revision]);
  return state;
}

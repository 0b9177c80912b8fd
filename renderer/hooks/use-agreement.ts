/**
 * The agreement report the Agreement view shows (#11): asked of the service (getAgreement) for
 * the annotators chosen, again whenever the choice changes; answers to an older choice are
 * dropped. The service reads the layers and computes; nothing is computed here.
 */
import { useEffect, useState } from 'react';
import type { AgreementReport } from '../../shared/agreement';
import type { AgreementRequest, ClaimdeskApi } from '../../shared/api';
import { describeError } from '../util/format';

export type AgreementState = Readonly<{
  /** The last report that arrived, or null before the first. */
  report: AgreementReport | null;
  /** True while a report is being computed. */
  isLoading: boolean;
  /** Why the last request failed, or null. */
  error: string | null;
}>;

/**
 * @param request which annotators (and labels) to compare; keep the object stable between renders
 */
export function useAgreement(api: ClaimdeskApi, request: AgreementRequest): AgreementState {
  const [state, setState] = useState<AgreementState>({ report: null, isLoading: true, error: null });
  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({ ...s, isLoading: true }));
    api.getAgreement(request).then(
      (report) => isCurrent && setState({ report, isLoading: false, error: null }),
      (err: unknown) => isCurrent && setState((s) => ({ ...s, isLoading: false, error: describeError('Could not compute the agreement', err) })),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, request]);
  return state;
}

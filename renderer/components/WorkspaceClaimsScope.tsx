/**
 * The claims tables' switch between this document's claims and every document's (#12): a
 * segmented radio group in the claims toolbar. "This document" is disabled when none is open.
 */
import { useId } from 'react';

/** Which claims the Claims table tab shows. */
export type ClaimsScope = 'document' | 'workspace';

export type WorkspaceClaimsScopeProps = Readonly<{
  scope: ClaimsScope;
  hasDocument: boolean;
  onChange: (scope: ClaimsScope) => void;
}>;

const CHOICES: readonly (readonly [ClaimsScope, string])[] = [
  ['document', 'This document'],
  ['workspace', 'All documents'],
];

/** Renders the switch. */
export function WorkspaceClaimsScope({ scope, hasDocument, onChange }: WorkspaceClaimsScopeProps) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label="Claims of" className="cd-segmented cd-claims-scope">
      {CHOICES.map(([value, text]) => (
        <label key={value} className="cd-segment">
          <input
            type="radio"
            name={name}
            value={value}
            checked={scope === value}
            disabled={value === 'document' && !hasDocument}
            onChange={() => onChange(value)}
          />
          <span>{text}</span>
        </label>
      ))}
    </div>
  );
}

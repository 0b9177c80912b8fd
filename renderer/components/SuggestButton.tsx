/**
 * The Suggest button at the label bar's end (#15): asks the service for suggestions for the open
 * article (the same as the S key) and shows them. Takes neither focus nor the selection from
 * the article (the label bar keeps its mouse-downs). Disabled, with why in its tooltip, where
 * suggestions are not made (someone else's layer, curating).
 */
import { SUGGEST_KEY } from '../../shared/model/reserved-keys';

export type SuggestButtonProps = Readonly<{
  /** Why it cannot ask here (its tooltip then), or null. */
  unavailableReason: string | null;
  isAsking: boolean;
  onAsk: () => void;
}>;

/** Renders the button. */
export function SuggestButton({ unavailableReason, isAsking, onAsk }: SuggestButtonProps) {
  return (
    <button
      type="button"
      className="cd-labelbar-button cd-suggest-button"
      disabled={unavailableReason !== null || isAsking}
      aria-busy={isAsking}
      title={unavailableReason ?? `Suggest claims, sources, cues and their links in this article (${SUGGEST_KEY.toUpperCase()})`}
      onClick={onAsk}
    >
      <span>{isAsking ? 'Suggesting…' : 'Suggest'}</span>
      <kbd className="cd-kbd" aria-hidden="true">
        {SUGGEST_KEY}
      </kbd>
    </button>
  );
}

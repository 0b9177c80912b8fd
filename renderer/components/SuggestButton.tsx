/**
 * The Suggest button at the label bar's end (#15): asks the service for suggestions for the open
 * article (the same as the S key) and shows them. Takes neither focus nor the selection from
 * the article (the label bar keeps its mouse-downs).
 */
import { SUGGEST_KEY } from '../../shared/model/reserved-keys';

export type SuggestButtonProps = Readonly<{
  isEnabled: boolean;
  isAsking: boolean;
  onAsk: () => void;
}>;

/** Renders the button. */
export function SuggestButton({ isEnabled, isAsking, onAsk }: SuggestButtonProps) {
  return (
    <button
      type="button"
      className="cd-labelbar-button cd-suggest-button"
      disabled={!isEnabled || isAsking}
      aria-busy={isAsking}
      title={`Suggest claims, sources, cues and their links in this article (${SUGGEST_KEY.toUpperCase()})`}
      onClick={onAsk}
    >
      <span>{isAsking ? 'Suggesting…' : 'Suggest'}</span>
      <kbd className="cd-kbd" aria-hidden="true">
        {SUGGEST_KEY}
      </kbd>
    </button>
  );
}

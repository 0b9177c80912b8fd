/**
 * A filter chip for a flag of the Annotations sidebar (unsourced claims, required attributes
 * left unset): a warning mark, the flag's name and how many annotations have it; pressed, it
 * shows only those.
 */

export type FlagChipProps = Readonly<{
  name: string;
  count: string;
  /** What the flag means, as the chip's tooltip. */
  title: string;
  isPressed: boolean;
  onToggle: () => void;
}>;

/** Renders the chip. */
export function FlagChip({ name, count, title, isPressed, onToggle }: FlagChipProps) {
  return (
    <button type="button" className="cd-filter-chip cd-filter-chip--warn" aria-pressed={isPressed} title={title} onClick={onToggle}>
      <span className="cd-warn-mark" aria-hidden="true">
        !
      </span>
      <span className="cd-filter-chip-name">{name}</span>
      <span className="cd-filter-chip-count">{count}</span>
    </button>
  );
}

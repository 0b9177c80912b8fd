/**
 * One layer of one document as a small chip (#11): the annotator's initials (or "Cur" for the
 * curated layer) on the colour of that layer's status, round for an annotator and square for the
 * curated layer, ringed for the analyst's own. Its accessible name and tooltip say whose layer
 * it is and its status ("ann: done"), unless it is `decorative` (a list option names it already).
 */
import type { DocStatus } from '../../shared/model/types';
import { initialsOf, statusWords } from '../state/layer-access';
import './LayerChip.css';

export type LayerChipProps = Readonly<{
  name: string;
  status: DocStatus;
  isCurated?: boolean;
  isOwn?: boolean;
  /** Hidden from assistive technology (the text beside it says the same). */
  decorative?: boolean;
  /** More for the tooltip ("5 annotations"). */
  detail?: string;
}>;

/** Renders the chip. */
export function LayerChip({ name, status, isCurated = false, isOwn = false, decorative = false, detail }: LayerChipProps) {
  const label = `${name}: ${statusWords(status)}`;
  const classes = ['cd-layerchip', `cd-layerchip--${status}`, isCurated ? 'is-curated' : '', isOwn ? 'is-own' : ''].filter(Boolean).join(' ');
  const title = `${isCurated ? 'Curated layer' : isOwn ? `${name} (you)` : name}: ${statusWords(status)}${detail ? ` · ${detail}` : ''}`;
  return decorative ? (
    <span className={classes} aria-hidden="true">
      {isCurated ? 'Cur' : initialsOf(name)}
    </span>
  ) : (
    <span className={classes} role="img" aria-label={label} title={title}>
      {isCurated ? 'Cur' : initialsOf(name)}
    </span>
  );
}

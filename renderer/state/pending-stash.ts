/**
 * Where a DocumentSession keeps its unacknowledged changes across a window reload: one key per
 * document and layer in the window's storage (localStorage in the app), holding the queue of
 * batches as JSON. A key from before layers (the document's id alone) is moved to the analyst's
 * own layer's key when that layer is opened. No React and no DOM here.
 */
import type { Operation } from '../../shared/model/operations';

/** A minimal key-value store (window.localStorage in the app). */
export type Stash = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where a document's unsaved changes were stashed before layers: its id alone. */
const legacyStashKey = (docId: string) => `claimdesk.pending.${docId}`;

/** The stashed changes of one document's layer. */
export class PendingStash {
  private readonly key: string;

  /**
   * @param stash the storage (null: nothing is kept)
   * @param layer the layer (absent: the service's default, stashed under the legacy key)
   * @param readsLegacy also take over changes stashed under the legacy key (set for the analyst's own layer)
   */
  constructor(
    private readonly stash: Stash | null,
    docId: string,
    layer: string | undefined,
    readsLegacy: boolean,
  ) {
    const legacy = legacyStashKey(docId);
    this.key = layer === undefined ? legacy : `${legacy}@${encodeURIComponent(layer)}`;
    if (layer !== undefined && readsLegacy && stash) {
      // Changes stashed by a window from before layers were saved to the analyst's own layer: move them to this layer's key.
      const old = stash.getItem(legacy);
      if (old && !stash.getItem(this.key)) stash.setItem(this.key, old);
      if (old) stash.removeItem(legacy);
    }
  }

  /** Keeps `queue` (nothing when it is empty). */
  write(queue: readonly (readonly Operation[])[]): void {
    if (!this.stash) return;
    if (queue.length === 0) this.stash.removeItem(this.key);
    else this.stash.setItem(this.key, JSON.stringify(queue));
  }

  /**
   * The stashed changes as one batch: a stashed change may have reached the store with later ones,
   * and is then recognised as a replay only together with them (an add followed by its updates).
   * @returns the batch (possibly empty), or null when nothing is stashed
   * @throws SyntaxError when what is stashed is not JSON (see setAside)
   */
  read(): Operation[] | null {
    const raw = this.stash?.getItem(this.key);
    return raw ? (JSON.parse(raw) as Operation[][]).flat() : null;
  }

  /** Moves stashed changes that no longer apply (the document changed elsewhere) aside for inspection. */
  setAside(): void {
    const raw = this.stash?.getItem(this.key);
    if (raw) this.stash?.setItem(`${this.key}.unapplied`, raw);
    this.stash?.removeItem(this.key);
  }
}

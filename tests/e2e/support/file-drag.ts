/**
 * Drags files from disk over the page and drops them, as from a file manager: Chromium's own
 * drag input (CDP Input.dispatchDragEvent) builds the DataTransfer from the real paths, so the
 * page gets dragenter / dragover / drop with File objects read from disk (a folder arrives as
 * the browser gives it, an entry that cannot be read as a file). Chromium only.
 */
import type { Page } from '@playwright/test';

/** A drag in progress: files are over the page at the point where it started. */
export type FileDrag = Readonly<{
  /** Releases the files there. */
  drop: () => Promise<void>;
}>;

/**
 * Starts dragging `paths` over the page and moves them to (`x`, `y`) (default: the middle of the viewport).
 * @returns the drag, to drop once the page's reaction to the hovering files was checked
 */
export async function dragFilesOver(page: Page, paths: readonly string[], at?: Readonly<{ x: number; y: number }>): Promise<FileDrag> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const { x, y } = at ?? { x: Math.round(viewport.width / 2), y: Math.round(viewport.height / 2) };
  const cdp = await page.context().newCDPSession(page);
  // dragOperationsMask 1: copy, what a file manager offers.
  const data = { items: [], files: [...paths], dragOperationsMask: 1 };
  await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', x, y, data });
  await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', x, y, data });
  return {
    drop: async () => {
      await cdp.send('Input.dispatchDragEvent', { type: 'drop', x, y, data });
      await cdp.detach();
    },
  };
}

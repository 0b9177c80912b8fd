/**
 * Where the desktop window opens and how it is revealed: saved bounds checked against the
 * screens, the default size otherwise. Plain Node (no 'electron' import); it decides, main.ts
 * applies.
 */

/** A screen rectangle (Electron's Rectangle, structurally). */
export type Rect = Readonly<{ x: number; y: number; width: number; height: number }>;

/** The window's bounds as remembered in the app settings. */
export type SavedBounds = Readonly<{ x?: number; y?: number; width: number; height: number; isMaximized?: boolean }>;

/** The bounds to create the window with: a position only when it is on a screen. */
export type Bounds = Readonly<{ x?: number; y?: number; width: number; height: number }>;

export const DEFAULT_SIZE: Bounds = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of the title bar must be on a screen, across and above its bottom edge, in pixels. */
const VISIBLE_TITLE_WIDTH = 100;
const VISIBLE_TITLE_HEIGHT = 40;

/** True when the top edge of a window (its title bar) is on a screen's work area, so the user can grab it. */
function isTitleBarVisible(rect: Rect, area: Rect): boolean {
  const overlapX = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
  return overlapX >= VISIBLE_TITLE_WIDTH && rect.y >= area.y && rect.y <= area.y + area.height - VISIBLE_TITLE_HEIGHT;
}

/**
 * Where to put the window: the saved bounds when their title bar is on a screen, else the
 * saved size (fitted to the primary screen, never below MIN_SIZE) without a position (the OS
 * centres it), else DEFAULT_SIZE.
 * @param saved the remembered bounds, if any
 * @param workAreas the displays' work areas, primary first
 * @returns whole-pixel bounds
 */
export function restorableBounds(saved: SavedBounds | undefined, workAreas: readonly Rect[]): Bounds {
  if (!saved || !Number.isFinite(saved.width) || !Number.isFinite(saved.height)) return DEFAULT_SIZE;
  const primary = workAreas[0];
  const width = Math.round(Math.max(MIN_SIZE.width, Math.min(saved.width, primary?.width ?? saved.width)));
  const height = Math.round(Math.max(MIN_SIZE.height, Math.min(saved.height, primary?.height ?? saved.height)));
  const { x, y } = saved;
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return { width, height };
  const rect = { x: Math.round(x), y: Math.round(y), width, height };
  return workAreas.some((area) => isTitleBarVisible(rect, area)) ? rect : { width, height };
}

/** What revealWindow needs of a BrowserWindow created with `show: false`. */
export type RevealableWindow = {
  once(event: 'ready-to-show', listener: () => void): unknown;
  maximize(): void;
  show(): void;
};

/**
 * Shows a window created hidden once its page has rendered, maximised when it was closed
 * maximised. Nothing is done before ready-to-show: maximize() also shows the window, which
 * would show it empty.
 * @param win the window, created with `show: false`
 * @param saved the remembered bounds, if any
 */
export function revealWindow(win: RevealableWindow, saved: SavedBounds | undefined): void {
  win.once('ready-to-show', () => {
    if (saved?.isMaximized) win.maximize();
    win.show(); // maximize() shows without focus; show() focuses
  });
}

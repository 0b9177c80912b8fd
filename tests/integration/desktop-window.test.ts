/** The desktop window's placement, reveal and title (electron/desktop/window-placement.ts, window-title.ts). */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  restorableBounds,
  revealWindow,
  type RevealableWindow,
  type SavedBounds,
} from '../../electron/desktop/window-placement';
import { composeTitle } from '../../electron/desktop/window-title';

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('restorableBounds', () => {
  it('uses the default size when nothing (or nothing usable) was saved', () => {
    expect(restorableBounds(undefined, [PRIMARY])).toEqual(DEFAULT_SIZE);
    expect(restorableBounds({ width: Number.NaN, height: 600 }, [PRIMARY])).toEqual(DEFAULT_SIZE);
  });

  it('keeps saved bounds whose title bar is on any screen, the second one included', () => {
    expect(restorableBounds({ x: 100, y: 50, width: 1000, height: 700 }, [PRIMARY])).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(restorableBounds({ x: 2000, y: 10, width: 1000, height: 700 }, [PRIMARY, RIGHT])).toEqual({ x: 2000, y: 10, width: 1000, height: 700 });
  });

  it('drops the position of a window on a screen no longer attached, or with its title bar off screen', () => {
    const offScreen: SavedBounds[] = [
      { x: 2000, y: 10, width: 1000, height: 700 }, // the right screen is gone
      { x: 100, y: -200, width: 1000, height: 700 }, // title bar above the top
      { x: -1000 + 50, y: 10, width: 1000, height: 700 }, // only 50 px across
    ];
    for (const saved of offScreen) expect(restorableBounds(saved, [PRIMARY])).toEqual({ width: 1000, height: 700 });
  });

  it('fits the size to the primary screen and never below the minimum, in whole pixels', () => {
    expect(restorableBounds({ width: 4000, height: 3000 }, [PRIMARY])).toEqual({ width: PRIMARY.width, height: PRIMARY.height });
    expect(restorableBounds({ width: 100, height: 100 }, [PRIMARY])).toEqual(MIN_SIZE);
    expect(restorableBounds({ x: 10.4, y: 20.6, width: 1000.5, height: 700.2 }, [PRIMARY])).toEqual({ x: 10, y: 21, width: 1001, height: 700 });
  });
});

/** A window that records what is done to it, and emits ready-to-show when told. */
function recordingWindow(): RevealableWindow & { calls: string[]; render: () => void } {
  const events = new EventEmitter();
  const calls: string[] = [];
  return {
    calls,
    render: () => void events.emit('ready-to-show'),
    once: (event, listener) => events.once(event, listener),
    maximize: () => void calls.push('maximize'),
    show: () => void calls.push('show'),
  };
}

describe('revealWindow', () => {
  it('does nothing to the window before its page has rendered, then maximises a window closed maximised and shows it', () => {
    const win = recordingWindow();
    revealWindow(win, { width: 1000, height: 700, isMaximized: true });
    expect(win.calls).toEqual([]); // maximize() would show the empty window at once
    win.render();
    expect(win.calls).toEqual(['maximize', 'show']);
  });

  it('only shows a window that was not maximised', () => {
    const win = recordingWindow();
    revealWindow(win, undefined);
    expect(win.calls).toEqual([]);
    win.render();
    expect(win.calls).toEqual(['show']);
  });
});

describe('composeTitle', () => {
  it('names the article, the workspace and the app once', () => {
    expect(composeTitle('Envoy arrives — Claimdesk', 'claims')).toBe('Envoy arrives — claims — Claimdesk');
    expect(composeTitle('Claimdesk', 'claims')).toBe('claims — Claimdesk');
    expect(composeTitle('  ', 'claims')).toBe('claims — Claimdesk');
  });
});

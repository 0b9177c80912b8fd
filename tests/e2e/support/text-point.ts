/**
 * Puts the caret in the article with the mouse, as a user does before extending a selection
 * with the keyboard: a click at the left edge of a character (caret before it) or the right
 * edge of one (caret after it), found by the text around it so that a word occurring earlier
 * is not picked by mistake. Reads the page only; never changes the selection through the DOM.
 */
import type { Locator, Page } from '@playwright/test';

/** Which side of `needle` the caret goes: before its first character or after its last. */
export type Edge = 'before' | 'after';

/**
 * The viewport point at the left edge of `needle`'s first character ('before') or the right
 * edge of its last ('after'), inside the text node holding `context`; scrolled to the middle
 * of its scroller first.
 * @throws Error when no single text node of `scope` holds `context`
 */
export async function textPoint(scope: Locator, context: string, needle: string, edge: Edge): Promise<{ x: number; y: number }> {
  const point = await scope.evaluate(
    (root, [ctx, want, side]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(ctx) ?? -1;
        if (at < 0 || ctx.indexOf(want) < 0) continue;
        const offset = at + ctx.indexOf(want) + (side === 'before' ? 0 : want.length - 1);
        node.parentElement?.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const r = range.getBoundingClientRect();
        return { x: side === 'before' ? r.left + 1 : r.right - 0.5, y: r.top + r.height / 2 };
      }
      return null;
    },
    [context, needle, edge] as const,
  );
  if (!point) throw new Error(`"${needle}" in "${context}" is not in one text node`);
  return point;
}

/** Clicks to put the caret before or after `needle` (in the text node holding `context`). */
export async function placeCaret(page: Page, scope: Locator, context: string, needle: string, edge: Edge): Promise<void> {
  const { x, y } = await textPoint(scope, context, needle, edge);
  await page.mouse.click(x, y);
}

/** The text selected in the page, as the user sees it highlighted. */
export const selectedText = (page: Page): Promise<string> => page.evaluate(() => window.getSelection()?.toString() ?? '');

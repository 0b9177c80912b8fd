/** The clipboard, written from the renderer (the claims tables' Copy as TSV). */

/**
 * Puts text on the clipboard: the async clipboard API, or, where the permission is refused
 * (the Electron window denies permission requests), a hidden textarea and the copy command.
 * @throws Error when neither way works
 */
export async function copyToClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Refused or unavailable: fall back to the copy command below.
  }
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  Object.assign(area.style, { position: 'fixed', top: '0', left: '-10000px', opacity: '0' });
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  previous?.focus();
  if (!copied) throw new Error('the clipboard is not available');
}

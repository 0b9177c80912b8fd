/** The desktop window's title. Plain string work, no 'electron' import. */

export const APP_NAME = 'Claimdesk';

/**
 * "<article> — <workspace> — Claimdesk". The renderer titles its page "<article> — Claimdesk"
 * (or just "Claimdesk"); the app name is dropped from it so it appears once, at the end.
 * @param pageTitle the renderer's document.title ('' before the page has one)
 * @param workspaceName the open workspace's folder name
 */
export function composeTitle(pageTitle: string, workspaceName: string): string {
  const page = pageTitle.trim().replace(new RegExp(`(^|\\s+—\\s+)${APP_NAME}$`), '');
  return [page, workspaceName, APP_NAME].filter((part) => part !== '').join(' — ');
}

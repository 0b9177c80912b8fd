/**
 * Opens a seeded envoy article in the window, as most keyboard and annotation specs begin:
 * imported and annotated through the API, then picked from the document list.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect } from './fixtures';
import type { HostProcess } from './host';
import { seedDocument, type LinkSeed, type SpanSeed } from './seed';

/**
 * Seeds the envoy article with `spans` and `links`, opens it and waits for its text.
 * @returns the article element and the document's id
 */
export async function openSeededEnvoy(
  page: Page,
  request: APIRequestContext,
  host: HostProcess,
  spans: readonly SpanSeed[] = [],
  links: readonly LinkSeed[] = [],
): Promise<{ article: Locator; docId: string }> {
  const doc = await seedDocument(request, host, ENVOY, spans, links);
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  return { article, docId: doc.id };
}

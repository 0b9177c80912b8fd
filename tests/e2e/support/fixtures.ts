/**
 * The Playwright `test` of the browser-host specs: each test gets its own browser host on a
 * fresh workspace (`host`), stopped and cleaned up after it, with its API (`api`), and the sample
 * article most specs open. Specs import `test` and `expect` from here instead of '@playwright/test'.
 */
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { callApi, startHostProcess, type HostProcess } from './host';

export { expect } from '@playwright/test';

/** The repo's samples folder. */
export const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');
/** The envoy article, the sample most flows are walked through. */
export const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
/** The envoy article's title, as its headline, list row and window title show it. */
export const ENVOY_TITLE = 'U.S. Envoy Arrives in Japan to Talk North Korea';
/** The envoy article's first quoted sentence: on screen once the article is open. */
export const ENVOY_SENTENCE = '"I don\'t see any splintering. On the contrary, I see a very clear message," Hill said after arriving in Tokyo';

/** Calls the test's host API as the renderer does (for set-up and reading the store back); throws with the API's message. */
export type Api = <T>(method: string, data: unknown) => Promise<T>;

type HostFixtures = {
  /** Start on the default workspace seeded with the samples (`test.use({ seeded: true })`), not an empty one. */
  seeded: boolean;
  /** A browser host of this test alone, stopped (and its folders removed) after it. */
  host: HostProcess;
  /** The API of `host`, called through the test's `request`. */
  api: Api;
};

export const test = base.extend<HostFixtures>({
  seeded: [false, { option: true }],
  host: async ({ seeded }, use) => {
    const host = await startHostProcess({ seeded });
    await use(host);
    await host.stop();
  },
  api: async ({ request, host }, use) => {
    await use((method, data) => callApi(request, host, method, data));
  },
});

import { chromium } from 'playwright-core';
import type { Cleanup } from '../../dev/support';

/** Debian's Chromium (`.ci/run` installs it); playwright-core never downloads a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * One headless Chromium for the whole run: each browser test file connects to it and works in browser
 * contexts of its own, which share no cookies, storage or pages. Launching one per file cost each file
 * a second and the run a Chromium's start-up and its helper processes eight times over.
 */
export async function launchSharedBrowser(cleanup: Cleanup): Promise<string> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true });
  cleanup.push(() => server.close());
  return server.wsEndpoint();
}

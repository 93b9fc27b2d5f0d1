import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

/** Screenshots of each role's path land here (git-ignored); a failed run leaves the last page seen. */
export const screenshotsDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/**
 * The run's headless Chromium (test/setup/shared-browser.ts), connected before the file's tests; closing the
 * connection afterwards closes every context the file opened and leaves the browser to the other files.
 */
export function useBrowser(): { browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    await mkdir(screenshotsDir, { recursive: true });
    holder.browser = await chromium.connect(inject('browserWsEndpoint'));
  });
  afterAll(() => holder.browser?.close());
  return holder;
}

export interface PortalPage {
  page: Page;
  /** Fails the test on any script error the page raised, then closes the page's context. */
  close(): Promise<void>;
}

/** A fresh browser context (its own sessionStorage) on the portal, signed in through the form with `token`. */
export async function openPortal(browser: Browser, baseUrl: string, token: string): Promise<PortalPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  // Uncaught exceptions and rejections; the console's "failed to load" lines for expected 4xx are not errors.
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  await page.goto(`${baseUrl}/portal/`);
  await page.getByLabel('Your personal API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return {
    page,
    async close() {
      await context.close();
      expect(scriptErrors).toEqual([]);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotsDir}${name}.png`, fullPage: true });
}

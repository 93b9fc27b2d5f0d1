import type { DeskBuild } from '../../dev/desk-build';

declare module 'vitest' {
  /** Values test/setup/global.ts hands to every test file through `inject`. */
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    /** The Temporal UI of that dev server. */
    temporalUiUrl: string;
    /** A mail catcher taking every letter the tests' workers send (tests that read mail start their own). */
    smtpUrl: string;
    temporalCliPath: string;
    temporalTestServerPath: string;
    /** The run's Chromium, for `chromium.connect` (test/setup/shared-browser.ts). */
    browserWsEndpoint: string;
    /** The workflow code, bundled once for the run (test/setup/workflow-bundle.ts). */
    workflowBundlePath: string;
    /** The worker, the API and the mail process, built once for the run (dev/desk-build.ts). */
    deskBuild: DeskBuild;
  }
}

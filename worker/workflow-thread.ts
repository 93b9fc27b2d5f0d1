import { isMainThread } from 'node:worker_threads';
import { globalHandlers } from '@temporalio/worker/lib/workflow/vm-shared.js';

/**
 * Node loads this file into every thread of the worker process (`--require`, `workerNodeArgs`), so it runs in
 * each workflow thread before the SDK's own code there. The SDK would install a V8 promise hook that captures
 * and source-maps a stack for every promise workflow code makes, only to answer the stack-trace query (the
 * Temporal UI's "Stack Trace" tab). Measured with `npm run bench -- intake reads`, it was a fifth of the
 * worker's CPU per creation and a quarter to a third per action (docs/deploying.md). Without it that query
 * answers that stack traces are not enabled on this worker; a workflow failure's own stack is unchanged.
 */
if (!isMainThread) {
  // The SDK offers no option to leave the hook out; test/worker-process.test.ts holds this to a real worker.
  (globalHandlers as unknown as { setPromiseHook(): void }).setPromiseHook = () => undefined;
}

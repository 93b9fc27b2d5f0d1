import { globalHandlers } from '@temporalio/worker/lib/workflow/vm-shared.js';
import { afterEach, beforeEach } from 'vitest';

/**
 * The test processes run workflow code on their own thread (the SDK's debug mode), and there each new worker
 * installs a V8 promise hook for the whole process: it records where each workflow promise was made, for the
 * stack-trace query (the Temporal UI's "Stack Trace" tab). On a test process it runs for every promise the
 * API, knex and the tests make as well, at about 3 µs a promise against 0.1 µs without it. No test asks for
 * a stack trace, so the hook is taken off around every test: after a file's workers start (`beforeAll`) and
 * after a test that started one. A deployed worker runs workflow code in threads of its own and leaves the
 * hook out of them (`worker/workflow-thread.ts`).
 */
const withoutHook = () => globalHandlers.uninstall();
beforeEach(withoutHook);
afterEach(withoutHook);

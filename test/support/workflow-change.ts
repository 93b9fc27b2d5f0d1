import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { History } from '@temporalio/common/lib/proto-utils';
import {
  bundleWorkflowCode,
  Worker,
  type WorkflowBundleOption,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Compiler } from 'webpack';
import { workflowsPath } from '../../worker/create-worker';

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const workflowsDir = dirname(workflowsPath);

/** The changed service level, behind patched(), and the same change without it. */
export const changedServiceLevel = fileURLToPath(
  new URL('./workflow-change/service-level.ts', import.meta.url),
);
export const unguardedServiceLevel = fileURLToPath(
  new URL('./workflow-change/unguarded-service-level.ts', import.meta.url),
);

/** A reply while held as it was before `held-reply-keeps-clocks-paused`, and the fix without its patch. */
export const clockWaitsBeforeTheFix = fileURLToPath(
  new URL('./workflow-change/clock-waits-before-the-fix.ts', import.meta.url),
);
export const unguardedClockWaits = fileURLToPath(
  new URL('./workflow-change/unguarded-clock-waits.ts', import.meta.url),
);

/**
 * The real ticket workflow bundle with one module of workflows/ (`./service-level` unless named) replaced by
 * `changed`, as a release would ship it: every workflow module importing it gets the changed one, which
 * itself builds on today's.
 */
export function bundleWithChange(
  changed: string,
  module = 'service-level',
): Promise<WorkflowBundleWithSourceMap> {
  const swap = {
    apply(compiler: Compiler) {
      new compiler.webpack.NormalModuleReplacementPlugin(new RegExp(`^\\./${module}$`), (resource) => {
        if (resource.context === workflowsDir) resource.request = changed;
      }).apply(compiler);
    },
  };
  return bundleWorkflowCode({
    workflowsPath,
    logger: quiet,
    webpackConfigHook: (config) => ({ ...config, plugins: [...(config.plugins ?? []), swap] }),
  });
}

/** Replays each history on `bundle`; the error of each run that the code would not replay, by workflow id. */
export async function replayOn(
  bundle: WorkflowBundleOption,
  histories: { workflowId: string; history: History }[],
): Promise<Record<string, string | undefined>> {
  const outcome: Record<string, string | undefined> = {};
  for await (const { workflowId, error } of Worker.runReplayHistories(
    { workflowBundle: bundle },
    histories,
  )) {
    outcome[workflowId] = error && `${error.name}: ${error.message}`;
  }
  return outcome;
}

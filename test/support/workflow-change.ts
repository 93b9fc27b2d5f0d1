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

/**
 * The real ticket workflow bundle with one module of workflows/ replaced by `changed`, as the next release
 * would ship it: every workflow module importing `./service-level` gets the changed one, which itself
 * builds on today's.
 */
export function bundleWithChange(changed: string): Promise<WorkflowBundleWithSourceMap> {
  const swap = {
    apply(compiler: Compiler) {
      new compiler.webpack.NormalModuleReplacementPlugin(/^\.\/service-level$/, (resource) => {
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

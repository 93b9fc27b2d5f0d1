import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { cachedWorkflowBundle, workflowSourceKey } from '../worker/workflow-bundle';

/** The packages of the modules webpack put in the bundle the workers run, read from its module ids. */
async function bundledPackages(): Promise<{ packages: Set<string>; ours: string[] }> {
  const code = await readFile(inject('workflowBundlePath'), 'utf8');
  const ids = [...code.matchAll(/^\/\*\*\*\/ "\.\/([^"]+)"$/gm)].map((m) => m[1]!);
  const packages = new Set<string>();
  for (const id of ids.filter((i) => i.includes('node_modules/'))) {
    const [scope, name] = id.slice(id.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
    packages.add(scope!.startsWith('@') ? `${scope}/${name}` : scope!);
  }
  return { packages, ours: ids.filter((i) => !i.includes('node_modules/')) };
}

it('the workflow bundle holds the workflow code and the SDK, and no zod', async () => {
  const { packages, ours } = await bundledPackages();
  expect(ours).toContain('workflows/ticket.ts');
  // Every module outside the SDK's preloaded ones is evaluated again for each cached ticket, so a schema
  // library here costs its weight once per open ticket (docs/deploying.md, worker sizing).
  expect(packages).not.toContain('zod');
  expect([...packages].sort()).toEqual([
    '@temporalio/common',
    '@temporalio/workflow',
    'long',
    'ms',
    'nexus-rpc',
  ]);
});

it('the workflow code takes only pure domain rules from domain/, none of its schemas', async () => {
  const { ours } = await bundledPackages();
  const domain = ours.filter((id) => id.startsWith('domain/'));
  expect(domain).not.toContain('domain/work-plan.ts');
  expect(domain).not.toContain('domain/sla-view.ts');
});

it('a worker loads the bundle an earlier start left for the same workflow code instead of bundling again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ticketflow-bundles-'));
  try {
    const key = await workflowSourceKey();
    expect(await workflowSourceKey()).toBe(key);
    const earlier = join(dir, `workflows-${key}.js`);
    await writeFile(earlier, await readFile(inject('workflowBundlePath')));
    const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
    expect(await cachedWorkflowBundle(dir, quiet)).toEqual({ codePath: earlier });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type Logger, type WorkflowBundlePath } from '@temporalio/worker';
import { workflowsPath } from './create-worker';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What the workflow bundle is made of: our workflow code, the domain rules it runs, and the SDK's version. */
const sources = ['workflows', 'domain'];
const sdkPackage = join(root, 'node_modules/@temporalio/workflow/package.json');

/** A hash of every file the bundle is built from, so a release with other workflow code gets its own bundle. */
export async function workflowSourceKey(): Promise<string> {
  const hash = createHash('sha256').update(await readFile(sdkPackage));
  for (const dir of sources) {
    const files = (await readdir(join(root, dir), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(relative(root, file)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The workflow code bundled once per version of it and kept in `dir`: bundling takes seconds of CPU, and a
 * worker restarted after a crash should poll at once, since the tickets it had cached wait for a worker.
 * Workers starting together may both bundle; each writes its own file and renames it, so none reads half.
 */
export async function cachedWorkflowBundle(dir: string, logger: Logger): Promise<WorkflowBundlePath> {
  const codePath = join(dir, `workflows-${await workflowSourceKey()}.js`);
  if (
    await access(codePath).then(
      () => true,
      () => false,
    )
  )
    return { codePath };
  const { code } = await bundleWorkflowCode({ workflowsPath, logger });
  await mkdir(dir, { recursive: true });
  const partial = `${codePath}.${process.pid}`;
  await writeFile(partial, code);
  await rename(partial, codePath);
  return { codePath };
}

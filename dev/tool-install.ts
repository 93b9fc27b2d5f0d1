import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isExecutable, projectRoot, type Log } from './support';

export const toolsDir = join(projectRoot, '.tools');

/** Builds into a scratch directory and renames it into place, so an interrupted install leaves nothing usable-looking. */
export async function installAtomically(
  finalPath: string,
  log: Log,
  build: (outDir: string, scratch: string) => Promise<void>,
) {
  await mkdir(toolsDir, { recursive: true });
  const scratch = await mkdtemp(join(toolsDir, '.install-'));
  try {
    const outDir = join(scratch, 'out');
    await mkdir(outDir);
    await build(outDir, scratch);
    await rename(outDir, dirname(finalPath)).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished the same install first: keep theirs.
      if (!(await isExecutable(finalPath))) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  log(`installed ${finalPath}`);
  return finalPath;
}

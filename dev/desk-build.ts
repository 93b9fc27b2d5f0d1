import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { WORKFLOW_THREAD_SETUP } from '../worker/cache-sizing';
import { isAlive, projectRoot, type Cleanup } from './support';

/** The desk's three long-running programs, each a file `node` runs with no loader in front of it. */
export interface DeskBuild {
  worker: string;
  api: string;
  mail: string;
}

export type DeskProgram = keyof DeskBuild;

const programs: DeskProgram[] = ['worker', 'api', 'mail'];

/**
 * Modules find files beside them (the portal's pages, the workflow sources the worker bundles) from their own
 * `import.meta.url`; in one bundled file that would be the bundle's. Each keeps the address of its source.
 */
const ownLocation: Plugin = {
  name: 'own-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const url = JSON.stringify(pathToFileURL(path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * Bundles the desk's own code for each program into `outDir` (`<program>.mjs`); packages stay in
 * `node_modules`. Starting from the bundle spares each process start the TypeScript loader's second of CPU
 * (`docs/deploying.md`), which restarts and the tests' many process starts both pay.
 */
export async function buildDesk(outDir: string): Promise<DeskBuild> {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: Object.fromEntries(programs.map((program) => [program, `${program}/main.ts`])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    plugins: [ownLocation],
    logLevel: 'error',
  });
  // Node's --require loads CommonJS, and the SDK's module it changes must be the one instance the SDK uses.
  await build({
    absWorkingDir: projectRoot,
    entryPoints: ['worker/workflow-thread.ts'],
    outfile: join(outDir, WORKFLOW_THREAD_SETUP),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  return {
    worker: join(outDir, 'worker.mjs'),
    api: join(outDir, 'api.mjs'),
    mail: join(outDir, 'mail.mjs'),
  };
}

/** How `node` runs a built program; stack traces name the TypeScript sources, through the bundle's source map. */
export function programArgs(program: string, nodeArgs: string[] = []): string[] {
  return [...nodeArgs, '--enable-source-maps', program];
}

/**
 * A build for one run of the desk (`npm start`, the bench, chaos, the tests), removed when the run ends. It
 * is written inside the project, where the programs find its `node_modules`.
 */
export async function buildDeskForRun(cleanup: Cleanup): Promise<DeskBuild> {
  const parent = join(projectRoot, '.data', 'builds');
  await mkdir(parent, { recursive: true });
  await removeBuildsOfEndedRuns(parent);
  const dir = await mkdtemp(join(parent, `run-${process.pid}-`));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return buildDesk(dir);
}

/** A run killed with -9 never removed its build; its pid, in the folder's name, no longer runs. */
async function removeBuildsOfEndedRuns(parent: string): Promise<void> {
  for (const name of await readdir(parent)) {
    const pid = /^run-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && !isAlive(Number(pid)))
      await rm(join(parent, name), { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = await buildDesk(join(projectRoot, 'dist'));
  console.log(`built ${Object.values(built).join(', ')}`);
}

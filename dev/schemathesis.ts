import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isExecutable, projectRoot, run, type Log } from './support';
import { installAtomically, toolsDir } from './tool-install';

export const SCHEMATHESIS_VERSION = '4.32.5';

// Runs the packages beside it with the same python3 that installed them, wherever .tools/ is.
const launcher = `#!/bin/sh
here=$(dirname "$0")
PYTHONPATH="$here" PYTHONDONTWRITEBYTECODE=1 exec python3 -m schemathesis.cli "$@"
`;

/**
 * The pinned schemathesis and every package it needs (dev/schemathesis-requirements.txt), installed from
 * PyPI into .tools/ once with `pip install --target`, which needs no venv module and leaves the system's
 * Python untouched; later runs find it there and need no network. Answers the path of its launcher.
 */
export async function schemathesisPath(log: Log): Promise<string> {
  const path = join(toolsDir, `schemathesis-${SCHEMATHESIS_VERSION}`, 'run-schemathesis');
  if (await isExecutable(path)) return path;
  await run('python3', ['-m', 'pip', '--version']).catch(() => {
    throw new Error('`python3 -m pip` is not available (Debian: apt-get install python3-pip)');
  });
  log(`installing schemathesis==${SCHEMATHESIS_VERSION} from PyPI into ${toolsDir}`);
  const requirements = join(projectRoot, 'dev', 'schemathesis-requirements.txt');
  return installAtomically(path, log, async (outDir) => {
    const pip = [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-input',
      '--progress-bar',
      'off',
    ];
    await run('python3', [...pip, '--only-binary=:all:', '--target', outDir, '-r', requirements], {
      onLine: (line) => log(`  pip: ${line.trim()}`),
    });
    // Written last: its presence is what tells a later run that the install is complete.
    await writeFile(join(outDir, 'run-schemathesis'), launcher);
    await chmod(join(outDir, 'run-schemathesis'), 0o755);
  });
}

import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { passed } from './verdicts';
import { formatTable, total } from './report-table';
import { runChaos } from './run-chaos';
import { scenarios } from './faults';
import type { Stack } from './stack';

const USAGE =
  'usage: npm run chaos [-- --tickets N --scenarios worker,mixed --repeat 2 --max-minutes 45 --keep-logs]';

/** A command line the run cannot take ends with its reason and the usage, not a stack trace. */
function refuse(reason: string): never {
  console.error(`${reason}\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        tickets: { type: 'string', default: '250' },
        scenarios: { type: 'string', default: '' },
        repeat: { type: 'string', default: '2' },
        'max-minutes': { type: 'string', default: '45' },
        'keep-logs': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}

const { values } = parseCommandLine();
const positive = (name: string, text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) refuse(`--${name} must be a whole number above 0, got ${text}`);
  return n;
};

const asked = {
  tickets: positive('tickets', values.tickets),
  scenarios: values.scenarios.split(',').filter(Boolean),
  repeat: positive('repeat', values.repeat),
};
try {
  scenarios(asked.scenarios);
} catch (error) {
  refuse((error as Error).message);
}

let stack: Stack | undefined;
let stopping = false;
async function abandon(code: number, reason: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.error(reason);
    await stack?.close();
    if (stack && !values['keep-logs']) await rm(stack.dir, { recursive: true, force: true });
  }
  process.exit(code);
}
process.on('SIGINT', () => void abandon(130, 'interrupted: stopping every process the run started'));
process.on('SIGTERM', () => void abandon(143, 'terminated: stopping every process the run started'));
const maxMinutes = positive('max-minutes', values['max-minutes']);
setTimeout(
  () => void abandon(2, `the run passed its limit of ${maxMinutes} minutes: stopping`),
  maxMinutes * 60_000,
).unref();

try {
  const verdicts = await runChaos({
    ...asked,
    keepLogs: values['keep-logs'],
    log: (line) => console.log(line),
    onStack: (started) => (stack = started),
  });
  console.log(`\n${formatTable(verdicts)}`);
  process.exit(passed(total(verdicts)) ? 0 : 1);
} catch (error) {
  await abandon(
    1,
    `chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
}

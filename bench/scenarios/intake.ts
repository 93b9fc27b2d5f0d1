import { WithStartWorkflowOperation } from '@temporalio/client';
import { validIntake } from '../../test/support/intake';
import { openTicket } from '../api-client';
import { creationCountNames, meanCreationCounts, type CreationCounts } from '../creation-history';
import { FLOOR_TASK_QUEUE, startFloorWorker } from '../floor-worker';
import { charged, perCallCells, type CpuSeconds } from '../cpu-time';
import { combine, measure, type Measurement } from '../measure';
import { emptyWorkflow, minimalRegisteredUpdate, minimalTicketWorkflow } from '../minimal-workflow';
import type { BenchDesk, FigureTable, Plot, Scenario } from '../scenario';
import { benchSizes } from '../sizes';

const ROUNDS = 3;
const WARM_UP = 20;
const HISTORY_SAMPLE = 20;

interface Design {
  name: string;
  create(i: number): Promise<string>;
  ids: string[];
  parts: Measurement[];
  /** CPU seconds each process used while this design's rounds ran. */
  cpu: CpuSeconds;
}

export const intake: Scenario = {
  name: 'intake',
  summary: 'tickets through the API beside the minimal same-job design and a bare start, on the same server',
  byDefault: true,
  async run(desk, options, log) {
    const total = benchSizes.intakeTickets;
    const floor = await startFloorWorker(desk);
    try {
      const designs = designsOn(desk);
      log(
        `warming up, then ${total} creations of each design in ${ROUNDS} rounds, ${options.concurrency} in flight`,
      );
      for (const design of designs) await measure(WARM_UP, options.concurrency, design.create);
      // Turns: a busy machine's load then falls on every design alike instead of on whichever ran last.
      for (let round = 0; round < ROUNDS; round++) {
        const size = Math.ceil(total / ROUNDS);
        for (const design of designs) {
          design.ids.length = 0;
          const { result, cpu } = await charged(
            () => desk.processRoots(),
            () => measure(size, options.concurrency, async (i) => design.ids.push(await design.create(i))),
          );
          design.parts.push(result);
          for (const [role, s] of Object.entries(cpu)) design.cpu[role] = (design.cpu[role] ?? 0) + s;
        }
      }
      const measured = designs.map((design) => ({ name: design.name, m: combine(design.parts) }));
      const [api, minimal] = designs;
      const counts = await Promise.all(
        [api!, minimal!].map((d) => meanCreationCounts(desk.client, d.ids.slice(0, HISTORY_SAMPLE))),
      );
      const floorRow = measured[1]!.m;
      return {
        tables: [
          {
            title: `creations, ${options.concurrency} in flight (${measured[0]!.m.count} of each)`,
            columns: ['design', 'per second', 'p50 ms', 'p99 ms', 'max ms', 'p50 × minimal'],
            rows: measured.map(({ name, m }) => [
              name,
              m.perSecond,
              m.p50,
              m.p99,
              m.max,
              m.p50 / floorRow.p50,
            ]),
          },
          cpuTable(designs, measured[0]!.m.count),
          {
            title: `one creation's history, up to the update's answer (mean of ${HISTORY_SAMPLE})`,
            columns: ['count', api!.name, minimal!.name],
            rows: creationCountNames.map(([key, label]) => [
              label,
              ...counts.map((c: CreationCounts) => c[key]),
            ]),
          },
        ],
        plots: [latencyPlot(measured)],
        notes: [
          'The ticket goes through HTTP, the API process and the ticket workflow (rules, projection, letters); ' +
            'the minimal design is one workflow whose update waits for one local activity writing one row, ' +
            'started by update-with-start from the bench process; the bare start is client.workflow.start of ' +
            'an empty workflow. The three take turns in rounds on the same Temporal server and PostgreSQL.',
        ],
      };
    } finally {
      await floor.stop();
    }
  },
};

function designsOn(desk: BenchDesk): Design[] {
  const run = `${process.pid}-${Date.now()}`;
  const intakeBody = validIntake();
  const design = (name: string, create: (i: number) => Promise<string>): Design => {
    let n = 0;
    // Warm-up and rounds number their workflows apart, so no id is ever started twice.
    return { name, create: () => create(n++), ids: [], parts: [], cpu: {} };
  };
  return [
    design('ticket through the API', () => openTicket(desk)),
    design('minimal same-job design', async (i) => {
      const workflowId = `bench-minimal-${run}-${i}`;
      const startWorkflowOperation = new WithStartWorkflowOperation(minimalTicketWorkflow, {
        workflowId,
        taskQueue: FLOOR_TASK_QUEUE,
        args: [workflowId],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      await desk.client.workflow.executeUpdateWithStart(minimalRegisteredUpdate, {
        args: [intakeBody],
        startWorkflowOperation,
      });
      return workflowId;
    }),
    design('bare workflow.start (empty)', async (i) => {
      const workflowId = `bench-empty-${run}-${i}`;
      await desk.client.workflow.start(emptyWorkflow, { workflowId, taskQueue: FLOOR_TASK_QUEUE });
      return workflowId;
    }),
  ];
}

/**
 * Where a creation's time goes on a machine whose cores are all busy: the CPU each process spent per creation,
 * from a round's first call until what it set going has settled. The minimal design's worker lives in the bench
 * process, so its share shows there.
 */
function cpuTable(designs: Design[], count: number): FigureTable {
  const roles = Object.keys(designs[0]!.cpu);
  return {
    title: `CPU per creation, ms, all processes (${count} of each)`,
    columns: ['design', ...roles, 'total'],
    rows: designs.map((design) => [design.name, ...perCallCells(design.cpu, roles, count)]),
  };
}

function latencyPlot(measured: { name: string; m: Measurement }[]): Plot {
  const values = measured.flatMap(({ name, m }) => m.latencies.map((ms) => ({ design: name, ms })));
  return {
    name: 'latency',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'creation latency',
      data: { values },
      width: 560,
      height: 200,
      mark: { type: 'boxplot', extent: 'min-max' },
      encoding: {
        x: { field: 'design', type: 'nominal', axis: { labelAngle: 0, labelLimit: 240 } },
        y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms (log)' },
        color: { field: 'design', type: 'nominal', legend: null },
      },
    },
  };
}

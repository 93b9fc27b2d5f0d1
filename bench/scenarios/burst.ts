import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '../../dev/desk-processes';
import { apiSender, mailSender, type Answer } from '../burst-senders';
import { distribution } from '../measure';
import type { Plot, Scenario } from '../scenario';
import { benchSizes } from '../sizes';

// Three in ten of an outage's requests come by e-mail, the rest through the portal or the API.
const BY_MAIL_OF_TEN = 3;
const ANSWER_DEADLINE_MS = 5 * 60_000;

interface Request {
  channel: 'API' | 'e-mail';
  offeredAt: number;
  answer?: Answer;
  failed?: string;
}

export const burst: Scenario = {
  name: 'burst',
  summary:
    'one outage: tickets through the API and by e-mail, paced over a window, each answered and acknowledged',
  byDefault: true,
  async run(desk, _options, log) {
    const { burstTickets: total, burstSeconds: seconds } = benchSizes;
    const lettersBefore = desk.lettersDelivered();
    const mail = mailSender(desk, `${process.pid}-${Date.now()}`);
    const viaApi = apiSender(desk);
    log(`${total} tickets over ${seconds} s, ${BY_MAIL_OF_TEN * 10} % by e-mail`);
    const start = performance.now();
    const deadline = start + seconds * 1000 + ANSWER_DEADLINE_MS;
    const requests: Request[] = [];
    try {
      await Promise.all(
        Array.from({ length: total }, async (_, i) => {
          const offeredAt = start + (i * seconds * 1000) / total;
          const request: Request = { channel: i % 10 < BY_MAIL_OF_TEN ? 'e-mail' : 'API', offeredAt };
          requests.push(request);
          await sleep(offeredAt - performance.now());
          const send = request.channel === 'API' ? viaApi : mail.send;
          request.answer = await send(i, deadline).catch((error: Error) => {
            request.failed = error.message;
            return undefined;
          });
        }),
      );
    } finally {
      mail.close();
    }
    const lastAnswer = Math.max(...requests.map((r) => r.answer?.answeredAt ?? 0));
    const answered = requests.filter((r) => r.answer).length;
    log(`${answered} of ${total} answered; waiting for the acknowledgements`);
    const acknowledged = () => desk.lettersDelivered() - lettersBefore >= answered;
    await waitFor('every acknowledgement', async () => acknowledged(), ANSWER_DEADLINE_MS).catch(
      () => undefined,
    );
    const allAcknowledged = performance.now();
    const letters = desk.lettersDelivered() - lettersBefore;

    return {
      tables: [
        {
          title: `${total} tickets offered over ${seconds} s`,
          columns: [
            'channel',
            'offered',
            'answered',
            'deferred',
            'errors',
            'failed',
            'p50 ms',
            'p99 ms',
            'max ms',
          ],
          rows: (['API', 'e-mail'] as const)
            .map((channel) => row(channel, requests))
            .concat([row('all', requests)]),
        },
        {
          title: 'acknowledgements',
          columns: ['figure', 'value'],
          rows: [
            ['tickets answered', answered],
            ['letters delivered by the relay', letters],
            [
              's from the first offer until every acknowledgement was delivered',
              (allAcknowledged - start) / 1000,
            ],
            [
              's from the last answer until every acknowledgement was delivered',
              (allAcknowledged - lastAnswer) / 1000,
            ],
          ],
        },
      ],
      plots: [ratePlot(requests, start)],
      notes: [
        `Open loop: each request leaves at its time whatever the earlier ones met; its latency runs from that time ` +
          `to the answer that settled it (API 201, or 200 at the Location after a 202; SMTP 250, retried after ` +
          `451 from 1 s doubling to 8 s). Deferred counts 202s and 451s; errors anything else that was retried.`,
        acknowledgedNote(letters, answered),
      ],
    };
  },
};

function row(channel: string, requests: Request[]): (string | number)[] {
  const mine = requests.filter((r) => channel === 'all' || r.channel === channel);
  const answered = mine.flatMap((r) => (r.answer ? [r.answer] : []));
  const latency = distribution(mine.flatMap((r) => (r.answer ? [r.answer.answeredAt - r.offeredAt] : [])));
  const sum = (pick: (a: Answer) => number) => answered.reduce((n, a) => n + pick(a), 0);
  return [
    channel,
    mine.length,
    answered.length,
    sum((a) => a.deferred),
    sum((a) => a.errors),
    mine.length - answered.length,
    latency.p50,
    latency.p99,
    latency.max,
  ];
}

function acknowledgedNote(letters: number, answered: number): string {
  const verdict =
    letters === answered ? 'every ticket was acknowledged' : `${answered - letters} not acknowledged`;
  // The recipients' server only counts, so a letter about an earlier scenario's ticket would count here too.
  return `${verdict}: letters delivered during the scenario ${letters}, tickets answered ${answered}.`;
}

function ratePlot(requests: Request[], start: number): Plot {
  const second = (at: number) => Math.floor((at - start) / 1000);
  const values = requests.flatMap((r) => [
    { second: second(r.offeredAt), series: 'offered' },
    ...(r.answer ? [{ second: second(r.answer.answeredAt), series: 'answered' }] : []),
  ]);
  return {
    name: 'rate',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'tickets per second, offered and answered',
      data: { values },
      width: 480,
      height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'second', type: 'quantitative', title: 's since the first offer' },
        y: { aggregate: 'count', type: 'quantitative', title: 'tickets per second' },
        color: { field: 'series', type: 'nominal' },
      },
    },
  };
}

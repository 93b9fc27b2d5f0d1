import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport } from 'nodemailer';
import { validIntake } from '../test/support/intake';
import { requester } from './api-client';
import type { BenchDesk } from './scenario';

/** How one request of the burst fared: when it was finally answered and what it met on the way. */
export interface Answer {
  answeredAt: number;
  /** 202 from the API or 451 from the mail process: accepted for later, then followed or retried. */
  deferred: number;
  /** Anything else that was no answer (5xx, a reset connection): retried as a client would. */
  errors: number;
}

// A real MTA retries in minutes; the bench retries in seconds so that a run ends, doubling up to a cap.
const RETRY_FIRST_MS = 1_000;
const RETRY_CAP_MS = 8_000;

/** A request until it is answered, retrying after each failure with a growing pause; gives up at `deadline`. */
async function untilAnswered(deadline: number, attempt: () => Promise<'done' | 'deferred'>): Promise<Answer> {
  const answer = { answeredAt: 0, deferred: 0, errors: 0 };
  for (let pause = RETRY_FIRST_MS; ; pause = Math.min(pause * 2, RETRY_CAP_MS)) {
    const outcome = await attempt().catch(() => 'error' as const);
    if (outcome === 'done') return { ...answer, answeredAt: performance.now() };
    if (outcome === 'deferred') answer.deferred += 1;
    else answer.errors += 1;
    if (performance.now() + pause > deadline) throw new Error(`no answer before the deadline`);
    await sleep(pause);
  }
}

/** A ticket through the API; a 202 (recorded, not yet confirmed) is followed at its Location until 200. */
export function apiSender(desk: BenchDesk) {
  const ana = requester(desk);
  const headers = { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' };
  const body = JSON.stringify(validIntake());
  return (_i: number, deadline: number) => {
    let location: string | undefined;
    return untilAnswered(deadline, async () => {
      const response = location
        ? await fetch(`${desk.apiUrl}${location}`, { headers })
        : await fetch(`${desk.apiUrl}/tickets`, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status === 201 || (location && response.status === 200)) return 'done';
      if (response.status === 202) {
        location ??= response.headers.get('location') ?? undefined;
        return 'deferred';
      }
      throw new Error(`answered ${response.status}`);
    });
  };
}

/** A ticket by e-mail to the inbound port, as the site's gateway hands it over; 451 means try again later. */
export function mailSender(desk: BenchDesk, run: string) {
  const transport = createTransport({
    host: '127.0.0.1',
    port: desk.inboundSmtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 5,
  });
  const send = (i: number, deadline: number) =>
    untilAnswered(deadline, async () => {
      try {
        await transport.sendMail({
          from: 'ana.ruiz@acme.example',
          to: 'support@ticketflow.local',
          subject: `Label printer jams (${i})`,
          text: 'It jams on every label since the outage.\r\nImpact: high\r\n',
          // The same Message-ID on every try: the desk keeps one ticket however often it is handed over.
          messageId: `<burst-${run}-${i}@bench.ticketflow.local>`,
        });
        return 'done';
      } catch (error) {
        if ((error as { responseCode?: number }).responseCode === 451) return 'deferred';
        throw error;
      }
    });
  return { send, close: () => transport.close() };
}

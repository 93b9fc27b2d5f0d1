import { setTimeout as sleep } from 'node:timers/promises';
import type { TicketView } from '../domain/ticket-view';

/** What the desk answered one scenario's clients, by kind; 0 means no answer (reset, timed out, or both APIs refused). */
export class AnswerTally {
  readonly byStatus = new Map<number, number>();
  count(status: number): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }
  get serverErrors(): number {
    return [...this.byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  }
  of(status: number): number {
    return this.byStatus.get(status) ?? 0;
  }
}

export interface Answer {
  status: number;
  body: { number?: unknown; status?: unknown; items?: { number: string }[] } | null;
  location: string | null;
}

// Longer than the API's UPDATE_DEADLINE (10s), so a slow answer is the API's 503 and not our own timeout.
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * A client of the desk behind a load balancer of two APIs: it sticks to one and goes to the other when its
 * API does not answer. It behaves as docs/durability.md asks: after a 503 or no answer, it reads first.
 */
export class DeskClient {
  constructor(
    private readonly urls: string[],
    private preferred: number,
    private readonly tally: AnswerTally,
  ) {}

  /** A refused connection never reached an API, so like a load balancer it goes to the other one at once. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    for (let tried = 1; ; tried++) {
      const answer = await this.sendOnce(method, path, token, body, headers);
      if (answer !== 'refused') {
        this.tally.count(answer.status);
        return answer;
      }
      this.preferred += 1;
      if (tried >= this.urls.length) {
        this.tally.count(0);
        return { status: 0, body: null, location: null };
      }
    }
  }

  private async sendOnce(
    method: string,
    path: string,
    token: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Answer | 'refused'> {
    const url = this.urls[this.preferred % this.urls.length]!;
    return fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).then(
      async (response): Promise<Answer> => ({
        status: response.status,
        body: (await response.json().catch(() => null)) as Answer['body'],
        location: response.headers.get('location'),
      }),
      (error: Error): Answer | 'refused' =>
        (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED'
          ? 'refused'
          : { status: 0, body: null, location: null },
    );
  }

  /** The ticket as the desk shows it now, or undefined when it could not be read. */
  async read(number: string, token: string): Promise<TicketView | undefined> {
    const answer = await this.send('GET', `/tickets/${encodeURIComponent(number)}`, token);
    return answer.status === 200 ? (answer.body as unknown as TicketView) : undefined;
  }
}

/** How many times a client tries one step before it gives up on it. */
export const ATTEMPTS = 10;

/** Backoff between a client's attempts: a person or a script retrying, not a measurement. */
export function pause(attempt: number): Promise<void> {
  return sleep(Math.min(500 * 2 ** attempt, 8_000));
}

export function isUnanswered(status: number): boolean {
  return status === 0 || status >= 500;
}

/** Latencies in ms, sorted, and what a reader asks of them. */
export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
  latencies: number[];
}

export function distribution(latencies: number[]): Distribution {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN, latencies: sorted };
}

export interface Measurement extends Distribution {
  perSecond: number;
  seconds: number;
}

/** Runs `total` calls with `concurrency` in flight; each call's latency in ms, and calls per second overall. */
export async function measure(
  total: number,
  concurrency: number,
  call: (i: number) => Promise<unknown>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await call(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...distribution(latencies), perSecond: total / seconds, seconds };
}

/** Measurements of the same calls taken in turns, as one: the load of a busy machine falls on each alike. */
export function combine(parts: Measurement[]): Measurement {
  const seconds = parts.reduce((sum, part) => sum + part.seconds, 0);
  const all = distribution(parts.flatMap((part) => part.latencies));
  return { ...all, perSecond: all.count / seconds, seconds };
}

/** Said beside a figure that has a goal: met or missed, and the goal itself. */
export function goal(p99: number, goalMs: number): string {
  return p99 <= goalMs ? `met (≤ ${goalMs})` : `MISSED (≤ ${goalMs})`;
}

export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** Changes await activities; running commands and timers one at a time keeps them from interleaving. */
export function oneAtATime(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

import { describe, expect, it } from 'vitest';
import { parseBenchArguments, UsageError } from '../bench/arguments';

const known = ['intake', 'burst', 'reads'];

describe('npm run bench arguments', () => {
  it('runs the default scenarios with the default sizes when nothing is named', () => {
    expect(parseBenchArguments([], known)).toEqual({ names: [], openTickets: 10_000, concurrency: 10 });
  });

  it('takes scenario names in the order given and the sizes from the flags', () => {
    expect(parseBenchArguments(['reads', 'intake', '--tickets', '500', '--concurrency=4'], known)).toEqual({
      names: ['reads', 'intake'],
      openTickets: 500,
      concurrency: 4,
    });
  });

  it.each([[['nosuch']], [['--verbose']], [['--tickets', 'many']], [['--concurrency', '0']]])(
    'refuses %j as a usage error',
    (args) => {
      expect(() => parseBenchArguments(args, known)).toThrow(UsageError);
    },
  );
});

import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout, or on `destination` when a test wants to read them. */
export function createLogger(
  name: string,
  level: pino.LevelWithSilent = 'info',
  destination?: pino.DestinationStream,
): Logger {
  return pino({ name, level }, destination);
}

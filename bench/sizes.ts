import { loadConfig } from '../lib/config';

/** The scenarios' sizes (BENCH_*), read once when the bench starts, so a bad value stops it before any work. */
export const benchSizes = loadConfig().bench;

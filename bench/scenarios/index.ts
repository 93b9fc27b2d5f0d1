import type { Scenario } from '../scenario';
import { burst } from './burst';
import { intake } from './intake';
import { lateness } from './lateness';
import { reads } from './reads';

/** In the order a run takes them: `scale` opens the tickets that `lateness` and `reads` then work on. */
export const scenarios: Scenario[] = [intake, burst, lateness, reads];

import type { Scenario } from '../scenario';
import { intake } from './intake';

/** In the order a run takes them: `scale` opens the tickets that `lateness` and `reads` then work on. */
export const scenarios: Scenario[] = [intake];

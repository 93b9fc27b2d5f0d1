import type { Scenario } from '../scenario';
import { intake } from './intake';
import { reportsScenario } from './reports';

/** In the order a run takes them: `scale` opens the tickets that `lateness` and `reads` then work on. */
export const scenarios: Scenario[] = [intake, reportsScenario];

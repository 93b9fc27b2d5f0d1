import type { Scenario } from '../scenario';
import { burst } from './burst';
import { intake } from './intake';
import { lateness } from './lateness';
import { reads } from './reads';
import { reportsScenario } from './reports';
import { scale } from './scale';

/** In the order a run takes them: `scale` opens the tickets that `lateness` and `reads` then work on. */
export const scenarios: Scenario[] = [intake, burst, scale, lateness, reads, reportsScenario];

import { killingUnderLoad } from '../support/chaos';

// Each kind of process alone (the worker, the API, the mail process, Temporal's server, PostgreSQL), then
// every kind at once, on one desk: its processes start once and its silence timers settle once.
killingUnderLoad(['worker', 'api', 'mail', 'temporal', 'postgres', 'mixed']);

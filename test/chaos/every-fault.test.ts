import { killingUnderLoad } from '../support/chaos';

// Every kind of process (a worker, an API, the mail process, Temporal's server, PostgreSQL) killed once while
// tickets of every journey kind are in flight, on one desk: two tickets for each of the six clients, so the
// later faults land on journeys already under way. `npm run chaos` also kills each kind alone, twice.
killingUnderLoad('mixed', 12);

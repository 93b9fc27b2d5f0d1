import { killingUnderLoad } from '../support/chaos';

// Temporal's server and PostgreSQL, then every kind at once.
killingUnderLoad(['temporal', 'postgres', 'mixed']);

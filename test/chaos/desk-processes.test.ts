import { killingUnderLoad } from '../support/chaos';

killingUnderLoad(['worker', 'api', 'mail']);

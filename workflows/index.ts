export { ticketWorkflow } from './ticket';
export { lettersWorkflow } from './letters';
export { incidentWorkflow } from './incident';

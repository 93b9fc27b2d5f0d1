export { ticketWorkflow } from './ticket';
export { lettersWorkflow } from './letters';

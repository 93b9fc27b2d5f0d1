export { ticketWorkflow } from './ticket';
export { lettersWorkflow } from './letters';
export { policyRolloutWorkflow } from './policy-rollout';

export { ticketWorkflow } from './ticket';
export { lettersWorkflow } from './letters';
export { policyRolloutWorkflow } from './policy-rollout';
export { incidentWorkflow } from './incident';

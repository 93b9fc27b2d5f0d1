import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * `npm run record-histories`: runs the tests that walk tickets along the paths worth replaying, and has each
 * keep its ticket's history in test/histories/ (see docs/versioning.md).
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/ticket-lifecycle.test.ts',
      'test/escalation-ladder.test.ts',
      'test/customer-testing-silence.test.ts',
      'test/held-service.test.ts',
      'test/held-service-clocks.test.ts',
      'test/long-lived-ticket.test.ts',
      'test/catch-up.test.ts',
      'test/projection-faults.test.ts',
      'test/service-level-api.test.ts',
      'test/field-service.test.ts',
      'test/field-work-intake.test.ts',
      'test/sla-clocks.test.ts',
      'test/work-plan-follow-up.test.ts',
      'test/sla-rollout.test.ts',
      'test/incidents.test.ts',
    ],
    provide: { recordHistories: true },
  },
});

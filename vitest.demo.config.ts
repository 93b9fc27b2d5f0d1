import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/** `npm run incident-demo`: showings at full size, outside the suite (see docs/incidents.md). */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/demo/*.demo.ts'], silent: false },
});

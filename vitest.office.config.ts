// `npm run test:office`: the checks against LibreOffice Calc and Poppler, programs from the
// machine rather than npm (test/office/). .ci/run installs them and runs this after npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/office/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest-office-report.json' },
  },
});

/** @type {import('jest').Config} End-to-end tests in a real browser: `npm run test:e2e` (needs `npm run build`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testTimeout: 180000,
  maxWorkers: 1,
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // tests/redis need a Redis server (`npm run test:redis`); tests/move a PostgreSQL server besides
  // the SQLite test database (`npm run test:move`); tests/postgres run on PostgreSQL only
  // (`npm run test:postgres`).
  testPathIgnorePatterns: ['/node_modules/', '/tests/redis/', '/tests/move/', ...(process.env.DATABASE_CLIENT === 'postgres' ? [] : ['/tests/postgres/'])],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};

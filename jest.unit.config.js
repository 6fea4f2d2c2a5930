/**
 * `npm run test:unit`: the pure modules' tests (tests/unit), without compiling or booting Strapi,
 * fast enough to run on every save. `npm test` runs them too.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/unit'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
};

/** Jest runs TypeScript through SWC (type checking is `npm run typecheck`, part of `npm test`). */

/**
 * ESM-only packages that a CommonJS dependency `require`s, which Jest cannot load on Node 20
 * (`@microsoft/app-manifest`, used by the Teams manifest test, requires strip-bom 5). SWC turns
 * them into CommonJS; every other file under node_modules is left alone.
 */
const ESM_ONLY = '/node_modules/strip-bom/';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    [`${ESM_ONLY}.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: [`^(?!.*${ESM_ONLY}).*/node_modules/`],
  testTimeout: 30000,
  // Two test files at a time: much of the suite waits (poller leases, replicas starting, browsers),
  // and Jest's default on a 2-core machine is one. Not more: the end-to-end files start servers,
  // processes and a browser each.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/plain-summary-reporter.js'],
};

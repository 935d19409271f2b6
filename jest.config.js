// Unit specs sit beside the code (src/**/*.spec.ts); e2e specs in test/ run the real app over HTTP
// against a real PostgreSQL that globalSetup starts in a temporary folder, one database per worker.

// ESM-only packages the app requires (Node loads them through require(esm), which jest's module
// system does not): compiled to CommonJS for the tests. otplib's plugins need @scure/base and
// @noble/hashes 2 (nested under the plugin), so a package counts wherever node_modules holds it.
const ESM_PACKAGES = ['@dehoist/romanize-thai', '@scure/base', '@noble/hashes'];
const esmTransform = {
  [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
    'ts-jest',
    { tsconfig: { isolatedModules: true, allowJs: true, module: 'commonjs', moduleResolution: 'node' } },
  ],
};
const transformIgnorePatterns = [`/node_modules/(?!(?:.*/node_modules/)?(${ESM_PACKAGES.join('|')})/)`];

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }], ...esmTransform };
// E2e files are compiled with a whole program (not file by file) because the swagger plugin needs
// the types; commonjs is what the nodenext setting emits for this package anyway.
const e2eTransform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: { module: 'commonjs', moduleResolution: 'node10' },
      diagnostics: false,
      astTransformers: { before: ['<rootDir>/test/support/swagger-plugin.js'] },
    },
  ],
  ...esmTransform,
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform: e2eTransform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
    },
  ],
};

// ESLint flat config: typescript-eslint's type-aware rules (no floating or misused promises, no any) on every
// workspace, and the server's architecture (module boundaries, no cycles, who may make a Scope); Prettier owns
// formatting.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---- The server's architecture (docs/ARCHITECTURE.md; server/test/architecture.test.ts proves each rule bites) ----
// Layers, top to bottom: app.ts, runtime.ts, cli/, demo/, jobs/ → modules/<m>/ → platform/, db/. A module is used
// from outside only through its public file modules/<m>/index.ts. Paths are absolute so the rules hold whatever the
// working directory (the editor's, CI's, the architecture test's).
const src = join(import.meta.dirname, 'server/src');
const modulesDir = join(src, 'modules');
const moduleNames = readdirSync(modulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const publicFiles = [join(modulesDir, '*/index.ts')];
const outsideModules = [join(src, '*.ts'), join(src, 'cli/**'), join(src, 'demo/**'), join(src, 'jobs/**')];

/** a. A module reaches another module only through that module's index.ts (never its repository, service, rules). */
const moduleToModule = moduleNames.map((name) => ({
  target: join(modulesDir, name, '**'),
  from: join(modulesDir, `!(${name})/**`),
  except: publicFiles,
  message: `A module imports another module only through its public file modules/<module>/index.ts (add the export there).`,
}));

/** b. Code above the modules (app, runtime, CLI, demo, jobs) uses a module through its public file too. */
const outsideToModule = {
  target: outsideModules,
  from: join(modulesDir, '**'),
  except: publicFiles,
  message: 'Code outside modules/ imports a module only through its public file modules/<module>/index.ts.',
};

/** Modules sit below the app, the CLI, the demo and the jobs: they never import them. */
const moduleToAbove = {
  target: join(modulesDir, '**'),
  from: outsideModules,
  message: 'A module does not import the app, runtime, CLI, demo or jobs (they are above the modules).',
};

/** c. platform/ and db/ are the floor: they import no module, nothing of the demo or the jobs. */
const floorToAbove = {
  target: [join(src, 'platform/**'), join(src, 'db/**')],
  from: [join(modulesDir, '**'), ...outsideModules],
  message: 'platform/ and db/ are below the modules: they import nothing from modules/, demo/, jobs/, cli/ or the app.',
};

const architectureZones = [...moduleToModule, outsideToModule, moduleToAbove, floorToAbove];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'e2e/test-results/**',
      'e2e/playwright-report/**',
      'bench/results/**',
      'server/src/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'bin/*.js', 'web/scripts/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read untyped JSON responses (`res.json()`); their assertions are the type check.
    files: ['**/*.test.ts', 'server/test/**/*.ts', 'server/faults/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // a–c: module boundaries and layers; d: no import cycle between files. A loop between folders that runs
    // through different files is caught by the folder-graph check in server/test/architecture.test.ts.
    files: ['server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // What import-x reads to follow imports through .ts files (its flat `typescript` preset, without its rules).
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: join(import.meta.dirname, 'server/tsconfig.json') })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: architectureZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Tests may reach into any module's internals and the demo data they check; the floor still holds for them.
    files: ['server/src/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [floorToAbove] }] },
  },
  {
    // e. A Scope is made only by the access layer (grantScope, from the session) or by the system's own work
    // (systemScope: jobs, demo, CLI, start-up); see platform/scope.ts. Everyone else receives one.
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/platform/scope.ts',
      'server/src/platform/http/**',
      'server/src/modules/auth/auth.service.ts',
      'server/src/jobs/**',
      'server/src/demo/**',
      'server/src/cli/**',
      'server/src/runtime.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)platform/scope\\.js$|^\\.{1,2}/scope\\.js$',
              importNames: ['grantScope', 'systemScope'],
              message:
                'A Scope is made only by the access layer (grantScope) or the system’s own work (systemScope: jobs, demo, CLI); take the caller’s scope instead.',
            },
          ],
        },
      ],
    },
  },
);

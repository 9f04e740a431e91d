/**
 * The architecture rules of eslint.config.js bite: each deliberately bad import below is reported by the rule that
 * guards it, and the same import through a module's public file is not. ESLint runs here through its Node API on
 * snippets placed (by path) inside the server tree, without type information, so the test takes seconds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'server/src');

let eslint: ESLint;

beforeAll(() => {
  // The project's config as it is; only the type-aware rules are switched off (they need a TypeScript program).
  eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

/** The rules reported for `code` as if it were the file at `path` (relative to server/src). */
async function rulesFor(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: join(src, path) });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe('module boundaries', () => {
  it("a module importing another module's repository is reported", async () => {
    const code = "import * as repo from '../tasks/tasks.repository.js';\nexport const probe = repo;\n";
    expect(await rulesFor('modules/cooperation/arch-probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
  });

  it("a module importing another module's rules is reported", async () => {
    const code = "import * as rules from '../warnings/warnings.rules.js';\nexport const probe = rules;\n";
    expect(await rulesFor('modules/roadmap/arch-probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
  });

  it("a module importing another module's public file, or its own files, is fine", async () => {
    const code =
      "import * as tasks from '../tasks/index.js';\nimport * as own from './cooperation.repository.js';\nexport const probe = [tasks, own];\n";
    expect(await rulesFor('modules/cooperation/arch-probe.ts', code)).toEqual([]);
  });

  it("code above the modules (demo, jobs, app) importing a module's internals is reported", async () => {
    const code = "import * as service from '../modules/tasks/tasks.service.js';\nexport const probe = service;\n";
    expect(await rulesFor('demo/arch-probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor('jobs/arch-probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
    const fine = "import * as tasks from '../modules/tasks/index.js';\nexport const probe = tasks;\n";
    expect(await rulesFor('jobs/arch-probe.ts', fine)).toEqual([]);
  });

  it('a module importing the demo or the jobs (above it) is reported', async () => {
    const code = "import * as demo from '../../demo/seed-demo.js';\nexport const probe = demo;\n";
    expect(await rulesFor('modules/users/arch-probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
  });

  it('tests may reach into a module', async () => {
    const code = "import * as repo from '../tasks/tasks.repository.js';\nexport const probe = repo;\n";
    expect(await rulesFor('modules/cooperation/arch-probe.test.ts', code)).toEqual([]);
  });
});

describe('platform is the floor', () => {
  it('platform importing a module, even its public file, is reported', async () => {
    const code = "import * as tasks from '../modules/tasks/index.js';\nexport const probe = tasks;\n";
    expect(await rulesFor('platform/arch-probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
  });

  it('platform importing the jobs or the demo is reported', async () => {
    const code =
      "import * as jobs from '../../jobs/jobs.js';\nimport * as demo from '../../demo/seed-demo.js';\nexport const probe = [jobs, demo];\n";
    expect(await rulesFor('platform/http/arch-probe.ts', code)).toEqual(['import-x/no-restricted-paths', 'import-x/no-restricted-paths']);
  });
});

describe('no import cycles', () => {
  // no-cycle follows imports on disk, so the two halves of the cycle are real files for the length of the test.
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(src, 'arch-probe-'));
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(
      join(dir, 'b.ts'),
      "import { a } from './a.js';\nexport const b = (): number => 1;\nexport const c = (): number => a();\n",
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two files that import each other are reported', async () => {
    const results = await eslint.lintFiles([join(dir, 'a.ts'), join(dir, 'b.ts')]);
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['import-x/no-cycle'], ['import-x/no-cycle']]);
  });
});

describe('no import cycle between folders', () => {
  /** A folder of server/src: a module (modules/<m>), a top-level folder (platform, db, demo, jobs, cli), or '.' (app.ts, runtime.ts). */
  const folderOf = (file: string): string => {
    const parts = relative(src, file).split('/');
    if (parts.length === 1) return '.';
    return parts[0] === 'modules' ? `modules/${parts[1]}` : (parts[0] ?? '.');
  };

  /** One loop of the graph as `a → b → a`, or null: a depth-first walk that meets a folder still on its path. */
  const findLoop = (edges: Map<string, Set<string>>): string | null => {
    const done = new Set<string>();
    const walk = (folder: string, path: string[]): string | null => {
      const at = path.indexOf(folder);
      if (at >= 0) return [...path.slice(at), folder].join(' → ');
      if (done.has(folder)) return null;
      for (const next of edges.get(folder) ?? []) {
        const loop = walk(next, [...path, folder]);
        if (loop) return loop;
      }
      done.add(folder);
      return null;
    };
    for (const folder of edges.keys()) {
      const loop = walk(folder, []);
      if (loop) return loop;
    }
    return null;
  };

  it('finds a loop when there is one', () => {
    const edges = new Map([
      ['demo', new Set(['modules/tasks'])],
      ['modules/tasks', new Set(['modules/warnings', 'platform'])],
      ['modules/warnings', new Set(['modules/tasks'])],
    ]);
    expect(findLoop(edges)).toBe('modules/tasks → modules/warnings → modules/tasks');
  });

  it('the folders of server/src import one another without a loop', () => {
    // no-cycle sees files; a loop can also run between folders through different files, so the folder graph is checked here.
    const edges = new Map<string, Set<string>>();
    for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      const file = join(src, name);
      const from = folderOf(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const to = folderOf(resolve(dirname(file), specifier ?? '.'));
        if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect(edges.size).toBeGreaterThan(10);
    expect(findLoop(edges)).toBeNull();
  });
});

describe('who may make a Scope', () => {
  const code = "import { grantScope, systemScope } from '../../platform/scope.js';\nexport const probe = [grantScope, systemScope];\n";

  it('a module service importing systemScope or grantScope is reported', async () => {
    expect(await rulesFor('modules/reports/arch-probe.ts', code)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  });

  it('platform code other than the access layer is reported too', async () => {
    const platformCode = "import { systemScope } from './scope.js';\nexport const probe = systemScope;\n";
    expect(await rulesFor('platform/arch-probe.ts', platformCode)).toEqual(['no-restricted-imports']);
  });

  it('the access layer, the jobs, the demo and the CLI may', async () => {
    expect(await rulesFor('platform/http/arch-probe.ts', code)).toEqual([]);
    const above = "import { systemScope } from '../platform/scope.js';\nexport const probe = systemScope;\n";
    expect(await rulesFor('jobs/arch-probe.ts', above)).toEqual([]);
    expect(await rulesFor('demo/arch-probe.ts', above)).toEqual([]);
    expect(await rulesFor('cli/arch-probe.ts', above)).toEqual([]);
  });

  it('the Scope type itself is free to import', async () => {
    const typeOnly = "import type { Scope } from '../../platform/scope.js';\nexport type Probe = Scope;\n";
    expect(await rulesFor('modules/reports/arch-probe.ts', typeOnly)).toEqual([]);
  });
});

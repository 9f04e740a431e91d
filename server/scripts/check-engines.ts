/**
 * Which installed packages declare an `engines.node` range that excludes the Node version the README promises
 * (等保 8.1.4.4 e, supply chain; issue 14): such a package may break on that Node at any update, and `npm ci` on it
 * only warns. Reads every package the lockfile installed (dev ones too: CI runs them) and tests its `engines.node`
 * with semver, the way npm itself does.
 *
 * Run from the repository root: `npx tsx server/scripts/check-engines.ts [node-version]` (default 20.19.0): prints
 * each excluding package with its range and who installed it, and exits 1 when there is any.
 * server/test/dengbao.test.ts (S14) runs the same check against the known list below.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node version README.md and package.json `engines` promise. */
export const PROMISED_NODE = '20.19.0';

const require = createRequire(import.meta.url);
const semver = require('semver') as { satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean };

export interface EnginesExclusion {
  /** Install path, e.g. `node_modules/docx/node_modules/nanoid`. */
  path: string;
  name: string;
  version: string;
  range: string;
  isDev: boolean;
}

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface LockEntry {
  dev?: boolean;
  link?: boolean;
}

/** Every installed package whose `engines.node` does not admit `nodeVersion`. */
export function findEnginesExclusions(nodeVersion = PROMISED_NODE, root = rootDir): EnginesExclusion[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const found: EnginesExclusion[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.link) continue;
    const manifestPath = join(root, path, 'package.json');
    if (!existsSync(manifestPath)) continue; // an optional package for another platform
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
    const range = manifest.engines?.node;
    if (typeof range !== 'string' || semver.satisfies(nodeVersion, range, { includePrerelease: true })) continue;
    found.push({ path, name: manifest.name ?? path, version: manifest.version ?? '?', range, isDev: !!entry.dev });
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const nodeVersion = process.argv[2] ?? PROMISED_NODE;
  const found = findEnginesExclusions(nodeVersion);
  for (const p of found) console.log(`${p.name}@${p.version}  engines.node "${p.range}"  ${p.isDev ? 'dev' : 'runtime'}  (${p.path})`);
  console.log(
    found.length
      ? `${found.length} installed package(s) exclude Node ${nodeVersion}`
      : `every installed package admits Node ${nodeVersion}`,
  );
  process.exitCode = found.length ? 1 : 0;
}

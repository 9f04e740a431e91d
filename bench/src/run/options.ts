/**
 * `npm run bench` options. The full run takes about 25 minutes: five closed-loop read scenarios with their SQL
 * comparisons, the report writes, the export, 5 minutes of mixed load, the surge and the recovery after it, then the
 * traffic model of issue 12 (`--only traffic`: 520 users, 100 requests/s for 120 s, once with the caches and once
 * without; `--servers N` runs it on `serve --workers N`). `--quick` shortens every phase (about 4 minutes) for trying things out; its figures are not the published ones.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  databaseUrl: string;
  port: number;
  quick: boolean;
  /** Scenario ids to run (a … g, mixed, surge, traffic; g comes with a, b or e); all when empty. */
  only: string[];
  /** Measured seconds of each closed-loop read scenario (and of its SQL replay), after a warm-up. */
  readSeconds: number;
  warmupSeconds: number;
  /** Connections of the ledger page (a), as the issue fixes them, and of the other read scenarios. */
  ledgerConnections: number;
  readConnections: number;
  reportRate: number;
  reportSeconds: number;
  exportRows: number;
  mixedRate: number;
  mixedSeconds: number;
  surgeRate: number;
  surgeSeconds: number;
  recoverySeconds: number;
  /** The traffic model (issue 12): measured seconds at `trafficRate` requests/s, the user sample, server processes. */
  trafficSeconds: number;
  trafficWarmupSeconds: number;
  trafficRate: number;
  trafficUsers: number;
  servers: number;
  /** Run the traffic a second time on a server with the page and figures caches off (the uncached column). */
  trafficUncached: boolean;
  /** The server's in-flight limit during the run (MAX_IN_FLIGHT_REQUESTS); the product default when unset. */
  maxInFlight?: number;
  outDir: string;
}

export const DEFAULT_DATABASE_URL = 'postgres://root@127.0.0.1:5432/luoshi_bench';

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, defaultOutDir: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      port: { type: 'string', default: '4319' },
      'read-seconds': { type: 'string' },
      'mixed-seconds': { type: 'string' },
      'surge-seconds': { type: 'string' },
      'max-in-flight': { type: 'string' },
      connections: { type: 'string' },
      'traffic-seconds': { type: 'string' },
      'traffic-rate': { type: 'string' },
      'traffic-users': { type: 'string' },
      servers: { type: 'string', default: '1' },
      'skip-uncached': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const quick = values.quick;
  const num = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  return {
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    port: Number(values.port),
    quick,
    only: values.only ? values.only.split(',').map((s) => s.trim()) : [],
    readSeconds: num(values['read-seconds'], quick ? 8 : 30),
    warmupSeconds: quick ? 2 : 5,
    ledgerConnections: 50,
    readConnections: num(values.connections, 10),
    reportRate: 30,
    reportSeconds: quick ? 15 : 60,
    exportRows: 100_000,
    mixedRate: 100,
    mixedSeconds: num(values['mixed-seconds'], quick ? 30 : 300),
    surgeRate: 300,
    surgeSeconds: num(values['surge-seconds'], quick ? 15 : 60),
    recoverySeconds: quick ? 45 : 90,
    trafficSeconds: num(values['traffic-seconds'], quick ? 30 : 120),
    trafficWarmupSeconds: quick ? 10 : 20,
    trafficRate: num(values['traffic-rate'], 100),
    trafficUsers: num(values['traffic-users'], 520),
    servers: Number(values.servers),
    trafficUncached: !values['skip-uncached'],
    ...(values['max-in-flight'] ? { maxInFlight: Number(values['max-in-flight']) } : {}),
    outDir: values.out ?? defaultOutDir,
  };
}

export function wants(options: BenchOptions, id: string): boolean {
  return options.only.length === 0 || options.only.includes(id);
}

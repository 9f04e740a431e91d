/**
 * How much data each scale generates. `province` is the issue-6 target (Yunnan over 2024–2026); `county` is a small
 * set with the same shape, small enough for PGlite and for a test.
 */
export interface Scale {
  readonly name: 'province' | 'county';
  /** Top-level items; sub-items come on top (一级督一级 to 州市 and 县市区). */
  readonly topLevelTasks: number;
  /** Share of top-level items led by a government that are broken down into sub-items. */
  readonly breakdownShare: number;
  /** Sub-items per broken-down item: 2 … 1 + this. */
  readonly maxChildren: number;
  readonly users: number;
  /** Generated 乡镇街道 per 县市区 and 县级部门 per 县市区 (on top of the product's real seed). */
  readonly townshipsPerCounty: number;
  readonly departmentsPerCounty: number;
  /** Reports per reporting interval of the item's frequency (weekly, monthly …): tunes the total to ~5.5 per item. */
  readonly reportRate: number;
  /** Skip foreign-key checks while bulk loading (rows are consistent by construction); the county set keeps them so tests prove it. */
  readonly skipForeignKeyChecks: boolean;
  /** Drop secondary indexes during the load and rebuild them afterwards (faster at scale). */
  readonly rebuildIndexes: boolean;
}

export const scales: Record<Scale['name'], Scale> = {
  province: {
    name: 'province',
    topLevelTasks: 500_000,
    breakdownShare: 0.55,
    maxChildren: 4,
    users: 30_000,
    townshipsPerCounty: 7,
    departmentsPerCounty: 6,
    reportRate: 1.5,
    skipForeignKeyChecks: true,
    rebuildIndexes: true,
  },
  county: {
    name: 'county',
    topLevelTasks: 2_400,
    breakdownShare: 0.55,
    maxChildren: 4,
    users: 2_500,
    townshipsPerCounty: 7,
    departmentsPerCounty: 6,
    reportRate: 1.5,
    skipForeignKeyChecks: false,
    rebuildIndexes: false,
  },
};

export function scaleNamed(name: string): Scale {
  if (name === 'province' || name === 'county') return scales[name];
  throw new Error(`Unknown scale "${name}": use --scale province or --scale county.`);
}

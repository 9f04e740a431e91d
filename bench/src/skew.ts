/**
 * The skew of who supervises and who leads top-level items. Real provinces are lopsided: the province 督查室 and
 * the big 州市 supervise most items, and a handful of departments (教育、住建、发改 …) lead most of them. Each
 * (supervising government, lead unit) pair gets Zipf-shaped weight and is replicated into "slot" arrays in
 * proportion, so that the bulk SQL picks a weighted pair with one array subscript.
 */
import { seededRandom, shuffle, zipfWeights } from './bulk.js';
import type { UnitModel, UnitNode } from './phase-units.js';
import { rankedDepartments } from './phase-users.js';

export interface PairSlots {
  supervisors: string[];
  leads: string[];
}

/** Shares of top-level items by the supervising government's level. */
const LEVEL_SHARE = { province: 0.4, prefecture: 0.3, county: 0.3 } as const;

function leadWeights(model: UnitModel, government: UnitNode, random: () => number): [UnitNode, number][] {
  const kids = model.children.get(government.id) ?? [];
  if (government.id === model.province.id) {
    // Province items: 75 % to the departments (Zipf over a fixed ranking), 25 % to the 州市 governments.
    const departments = rankedDepartments(model);
    const prefectures = kids.filter((k) => k.kind === 'government');
    const dw = zipfWeights(departments.length, 1.3);
    const pw = zipfWeights(prefectures.length, 0.9);
    return [
      ...departments.map((d, i): [UnitNode, number] => [d, 0.75 * (dw[i] ?? 0)]),
      ...prefectures.map((p, i): [UnitNode, number] => [p, 0.25 * (pw[i] ?? 0)]),
    ];
  }
  const ranked = shuffle([...kids], random);
  const w = zipfWeights(ranked.length, 1.0);
  return ranked.map((k, i) => [k, w[i] ?? 0]);
}

export function pairSlots(model: UnitModel, slotCount = 100_000): PairSlots {
  const random = seededRandom(42);
  const governments = [...model.officeOf.keys()].map((id) => model.byId.get(id)).filter((g): g is UnitNode => !!g);
  const slots: PairSlots = { supervisors: [], leads: [] };
  for (const level of ['province', 'prefecture', 'county'] as const) {
    // 州市 and 县市区 in seed order (昆明 first): Zipf makes the capital's subtree the busiest, as in reality.
    const atLevel = governments.filter((g) => g.level === level);
    const gw = zipfWeights(atLevel.length, 0.8);
    atLevel.forEach((government, gi) => {
      for (const [lead, w] of leadWeights(model, government, random)) {
        const n = Math.max(1, Math.round(slotCount * LEVEL_SHARE[level] * (gw[gi] ?? 0) * w));
        for (let k = 0; k < n; k++) {
          slots.supervisors.push(government.id);
          slots.leads.push(lead.id);
        }
      }
    });
  }
  return slots;
}

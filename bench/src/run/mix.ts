/**
 * The mixed load of a busy day, per 100 requests: 40 item-page calls, 30 ledger pages (20 default, 5 keyword,
 * 5 red items), 25 progress reports, 5 cockpit views — about the 70 % read / 25 % write / 5 % dashboard shape of
 * the reference load model — spread over the province, 昆明市 and leader sessions.
 */
import type { BenchContext } from './context.js';
import { rotation } from './context.js';
import type { RequestSpec } from './request.js';
import { BENCH_KEYWORD, cockpitRequest, itemPageStream, ledgerRequest, reportRequest } from './requests.js';

export function mixedStream(ctx: BenchContext): () => RequestSpec {
  const { ducha, kmDucha, leader, handler } = ctx.sessions;
  const itemCalls = itemPageStream(ducha, ctx.fixtures.itemsToOpen);
  const reportItem = rotation(ctx.fixtures.reportableItemIds);
  const ledgerReader = rotation([ducha, ducha, kmDucha]);
  const cockpitReader = rotation([ducha, leader, kmDucha]);
  const slots: (() => RequestSpec)[] = [];
  const add = (count: number, make: () => RequestSpec) => {
    for (let i = 0; i < count; i++) slots.push(make);
  };
  add(40, itemCalls);
  add(20, () => ledgerRequest(ledgerReader(), {}, 'ledger'));
  add(5, () => ledgerRequest(ducha, { q: BENCH_KEYWORD }, 'ledger.keyword'));
  add(5, () => ledgerRequest(ledgerReader(), { warning: 'red' }, 'ledger.red'));
  add(25, () => reportRequest(handler, reportItem()));
  add(5, () => cockpitRequest(cockpitReader()));
  // A fixed interleaving (every 7th slot of 100) so each second carries the whole mix.
  const order = Array.from({ length: slots.length }, (_, i) => (i * 7) % slots.length);
  let n = 0;
  return () => (slots[order[n++ % order.length] ?? 0] as () => RequestSpec)();
}

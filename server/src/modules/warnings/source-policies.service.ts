/**
 * @deprecated Moved to the sources module (`modules/sources/index.ts`). This forwarder remains only until the
 * escalations sweep imports `listSourcePolicies` from there; then it is deleted.
 */
export { listSourcePolicies } from '../sources/index.js';

/**
 * The usual short forms of the base units, derived from their official names the way documents write them:
 * 曲靖市 / 曲靖市政府 for 曲靖市人民政府, 大理州 / 大理白族自治州 for 大理白族自治州人民政府, 石林县 for
 * 石林彝族自治县人民政府, 省发改委 / 发展改革委 / 省发展和改革委员会 for 云南省发展和改革委员会. Pure: the seed
 * and the tests call it with the unit rows.
 */

/** Peoples named in Yunnan's autonomous prefectures and counties (stripped to find the place name). */
const peoples = [
  '彝族',
  '哈尼族',
  '壮族',
  '苗族',
  '傣族',
  '白族',
  '景颇族',
  '傈僳族',
  '藏族',
  '回族',
  '拉祜族',
  '佤族',
  '纳西族',
  '瑶族',
  '布朗族',
  '独龙族',
  '怒族',
  '普米族',
  '蒙古族',
  '布依族',
  '阿昌族',
  '德昂族',
  '基诺族',
  '水族',
];

/** "西双版纳傣族自治州" → "西双版纳"; "双江拉祜族佤族布朗族傣族自治县" → "双江"; anything else → null. */
export function placeOfAutonomous(name: string): string | null {
  const match = /^(.+?)自治(州|县)$/.exec(name);
  if (!match?.[1]) return null;
  let place = match[1];
  for (let changed = true; changed;) {
    changed = false;
    for (const people of peoples) {
      if (place.endsWith(people) && place.length > people.length) {
        place = place.slice(0, -people.length);
        changed = true;
      }
    }
  }
  return place === match[1] ? null : place;
}

export interface AliasSourceUnit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  /** The division level of a government (province | prefecture | county …). */
  level: string | null;
  /** Extra colloquial forms (provincial-departments.json `aliases`). */
  extra?: readonly string[];
}

const GOV = '人民政府';

function formsOf(unit: AliasSourceUnit): string[] {
  const forms: string[] = [...(unit.extra ?? [])];
  if (unit.kind === 'government' && unit.name.endsWith(GOV)) {
    const place = unit.name.slice(0, -GOV.length); // 曲靖市, 大理白族自治州, 石林彝族自治县, 云南省
    forms.push(place, `${place}政府`);
    const core = placeOfAutonomous(place);
    if (core) {
      const suffix = place.endsWith('州') ? '州' : '县';
      forms.push(`${core}${suffix}`, `${core}${suffix}${GOV}`, `${core}${suffix}政府`);
    }
    if (unit.level === 'province') forms.push(`省${GOV}`, '省政府');
  }
  if (unit.kind === 'department' && unit.name.startsWith('云南省')) {
    const rest = unit.name.slice('云南省'.length); // 发展和改革委员会, 人民政府外事办公室
    forms.push(`省${rest}`);
    if (unit.shortName?.startsWith('省') && !unit.shortName.startsWith('省政府')) forms.push(unit.shortName.slice(1));
  }
  return forms;
}

/**
 * Aliases for `units`: each form that names exactly one unit and is not already some unit's name or short name
 * (those resolve directly); a form two units share is dropped, so an alias never guesses.
 */
export function standardAliases(units: readonly AliasSourceUnit[]): { unitId: string; alias: string }[] {
  const taken = new Set<string>();
  for (const unit of units) {
    taken.add(unit.name);
    if (unit.shortName) taken.add(unit.shortName);
  }
  const owners = new Map<string, Set<string>>();
  for (const unit of units) {
    for (const form of formsOf(unit)) {
      if (!form || taken.has(form)) continue;
      owners.set(form, (owners.get(form) ?? new Set()).add(unit.id));
    }
  }
  return [...owners].flatMap(([alias, ids]) => (ids.size === 1 ? [{ unitId: [...ids][0] ?? '', alias }] : []));
}

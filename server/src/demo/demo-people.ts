/**
 * People for the demo seed. Everyone here is FICTIONAL: the names are common Chinese names, picked so that no
 * current or recent leader of the Yunnan provincial government is named. The data is deterministic — the same unit
 * always gets the same people — so screenshots, tests and demos are reproducible.
 *
 * `overseesShortNames` refers to `shortName` in `provincial-departments.json`; every department is overseen
 * (分管) by exactly one leader (checked in `seed-data.test.ts`).
 */

/** A member of the provincial government's leadership (省政府领导). */
export interface ProvincialLeaderSeed {
  name: string;
  /** 职务, e.g. 省长, 常务副省长, 副省长, 省政府秘书长 */
  title: string;
  /** 分管领域 in words, stored as `persons.oversight_areas` */
  oversightAreas: string;
  /** `shortName`s of the departments this leader oversees (分管) */
  overseesShortNames: readonly string[];
}

export const provincialLeaders: readonly ProvincialLeaderSeed[] = [
  {
    name: '严思远',
    title: '省长',
    oversightAreas: '主持省政府全面工作；负责审计方面工作',
    overseesShortNames: ['省审计厅'],
  },
  {
    name: '苏建华',
    title: '常务副省长',
    oversightAreas: '负责省政府常务工作；分管发展改革、财政、国有资产、统计、数据、粮食和物资储备方面工作',
    overseesShortNames: ['省发展改革委', '省财政厅', '省国资委', '省统计局', '省数据局', '省粮食和储备局'],
  },
  {
    name: '雷振宇',
    title: '副省长',
    oversightAreas: '分管公安、司法行政、信访、退役军人事务方面工作',
    overseesShortNames: ['省公安厅', '省司法厅', '省信访局', '省退役军人事务厅', '省监狱管理局', '省戒毒管理局'],
  },
  {
    name: '邹晓梅',
    title: '副省长',
    oversightAreas: '分管教育、科技、卫生健康、医疗保障、疾病预防控制、体育方面工作',
    overseesShortNames: ['省教育厅', '省科技厅', '省卫生健康委', '省医保局', '省疾控局', '省体育局'],
  },
  {
    name: '龙国栋',
    title: '副省长',
    oversightAreas: '分管工业和信息化、能源、交通运输、商务、外事、市场监管、药品监管、知识产权方面工作',
    overseesShortNames: ['省工业和信息化厅', '省能源局', '省交通运输厅', '省商务厅', '省外办', '省市场监管局', '省药监局', '省知识产权局'],
  },
  {
    name: '金文博',
    title: '副省长',
    oversightAreas: '分管农业农村、自然资源、生态环境、水利、林业和草原、应急管理方面工作',
    overseesShortNames: ['省农业农村厅', '省自然资源厅', '省生态环境厅', '省水利厅', '省林草局', '省应急管理厅'],
  },
  {
    name: '尹春兰',
    title: '副省长',
    oversightAreas: '分管民族宗教、民政、人力资源社会保障、住房城乡建设、文化和旅游、文物、广播电视方面工作',
    overseesShortNames: ['省民族宗教委', '省民政厅', '省人力资源社会保障厅', '省住房城乡建设厅', '省文化和旅游厅', '省文物局', '省广电局'],
  },
  {
    name: '鲁志刚',
    title: '省政府秘书长',
    oversightAreas: '协助省长处理省政府日常工作；负责省政府办公厅、机关事务方面工作',
    overseesShortNames: ['省政府办公厅', '省机关事务局'],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Per-unit people
// ---------------------------------------------------------------------------------------------------------------

/** The kinds of unit the demo seed staffs (`units.kind`). */
export type DemoUnitKind = 'government' | 'department';

export type DemoPostRole = 'unitLeader' | 'officeDirector' | 'supervisionOfficeDirector' | 'supervisor' | 'handler';

/** A角 / B角 of a post. */
export type DemoHolderRole = 'primaryHolder' | 'backupHolder';

/** One person to create in a unit, and the post they hold. Two slots with the same `postName` are one post. */
export interface DemoPersonSlot {
  /** `posts.name`, unique within the unit */
  postName: string;
  /** `persons.title` (职务); `null` for the unit leader, whose title comes from the unit's name — see {@link unitLeaderTitle} */
  title: string | null;
  role: DemoPostRole;
  holder: DemoHolderRole;
  /** the 内设机构 the post sits in, or `null` for the unit itself */
  internalDivision: string | null;
}

export interface DemoPeopleTemplate {
  unitKind: DemoUnitKind;
  slots: readonly DemoPersonSlot[];
}

/** A slot filled with a name and a resolved title. */
export interface DemoPerson extends Omit<DemoPersonSlot, 'title'> {
  name: string;
  title: string;
}

/**
 * Governments (州市/县市区 人民政府; for the province the 督查室 sits in 省政府办公厅) get their 督查室 staff;
 * departments get a leader, an office director and the 承办人 post with its A角 and B角.
 */
export const demoPeopleTemplates: readonly DemoPeopleTemplate[] = [
  {
    unitKind: 'government',
    slots: [
      {
        postName: '督查室主任',
        title: '督查室主任',
        role: 'supervisionOfficeDirector',
        holder: 'primaryHolder',
        internalDivision: '督查室',
      },
      {
        postName: '督查员（一）',
        title: '督查员',
        role: 'supervisor',
        holder: 'primaryHolder',
        internalDivision: '督查室',
      },
      {
        postName: '督查员（二）',
        title: '督查员',
        role: 'supervisor',
        holder: 'primaryHolder',
        internalDivision: '督查室',
      },
    ],
  },
  {
    unitKind: 'department',
    slots: [
      { postName: '主要负责人', title: null, role: 'unitLeader', holder: 'primaryHolder', internalDivision: null },
      {
        postName: '办公室主任',
        title: '办公室主任',
        role: 'officeDirector',
        holder: 'primaryHolder',
        internalDivision: '办公室',
      },
      {
        postName: '承办人',
        title: '一级主任科员',
        role: 'handler',
        holder: 'primaryHolder',
        internalDivision: '办公室',
      },
      {
        postName: '承办人',
        title: '科员',
        role: 'handler',
        holder: 'backupHolder',
        internalDivision: '办公室',
      },
    ],
  },
];

/** 40 common surnames (none shared with {@link provincialLeaders}, so generated names never clash with them). */
export const demoSurnames: readonly string[] = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡段'];

/** 61 common given names (61 is prime, which makes {@link demoPersonName} one-to-one). */
export const demoGivenNames: readonly string[] = [
  '建华', '志强', '丽娟', '晓燕', '海波', '俊杰', '春梅', '国平', '红英', '文斌', '玉兰', '明辉', '秀珍',
  '永刚', '雪梅', '立新', '丽萍', '晓东', '桂芳', '德明', '静怡', '子豪', '婷婷', '宏伟', '云峰', '艳红',
  '家明', '慧敏', '卫东', '凤英', '嘉怡', '鹏飞', '金凤', '学军', '美玲', '树林', '丹丹', '正华', '翠萍',
  '浩然', '敏', '勇', '静', '磊', '涛', '芳', '军', '娜', '伟', '琳', '世昌', '兴国', '绍荣', '开荣',
  '丽华', '润生', '文娟', '志明', '晓丽', '光荣', '秋菊',
]; // prettier-ignore

/** How many distinct names {@link demoPersonName} can produce. */
export const demoNameCount = demoSurnames.length * demoGivenNames.length;

/**
 * The `index`-th demo name. Distinct for every index below {@link demoNameCount}: surname `r = index mod 40` and
 * given name `(q·41 + r) mod 61` with `q = ⌊index / 40⌋`, which is one-to-one because 41 and 61 are coprime.
 */
export function demoPersonName(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= demoNameCount) {
    throw new RangeError(`demo name index ${index} outside 0..${demoNameCount - 1}`);
  }
  const s = demoSurnames.length;
  const r = index % s;
  const q = Math.floor(index / s);
  return `${demoSurnames[r] ?? ''}${demoGivenNames[(q * (s + 1) + r) % demoGivenNames.length] ?? ''}`;
}

/** Name indices reserved per unit; more than any template has slots. */
export const demoSlotsPerUnit = 5;

/** How many units {@link demoPeopleForUnit} can staff with distinct people. */
export const demoMaxUnits = Math.floor(demoNameCount / demoSlotsPerUnit);

/** 职务 of a unit's head from its name: 厅 → 厅长, 局 → 局长, 委员会/办公厅/办公室 → 主任. */
export function unitLeaderTitle(unitName: string): string {
  if (/(委员会|办公厅|办公室)$/.test(unitName)) return '主任';
  if (unitName.endsWith('厅')) return '厅长';
  if (unitName.endsWith('局')) return '局长';
  return '主要负责人';
}

/**
 * The people to create in one unit. `unitSerial` is the unit's 0-based position in the seed's (fixed) order of
 * units; distinct serials below {@link demoMaxUnits} never share a person's name.
 */
export function demoPeopleForUnit(unitKind: DemoUnitKind, unitSerial: number, unitName: string): DemoPerson[] {
  const template = demoPeopleTemplates.find((t) => t.unitKind === unitKind);
  if (!template) throw new Error(`no demo people template for unit kind ${unitKind}`);
  if (!Number.isInteger(unitSerial) || unitSerial < 0 || unitSerial >= demoMaxUnits) {
    throw new RangeError(`unit serial ${unitSerial} outside 0..${demoMaxUnits - 1}`);
  }
  return template.slots.map((slot, i) => ({
    ...slot,
    title: slot.title ?? unitLeaderTitle(unitName),
    name: demoPersonName(unitSerial * demoSlotsPerUnit + i),
  }));
}

/**
 * What the province-wide demo items are about: the everyday work of a provincial government's 督查室, one topic per
 * line with the provincial department that leads it (or that the 州市 government answers to on it), the usual
 * source and reporting rhythm, and the words a unit's report would use as the work advances. Fictional figures.
 */
import type { TaskSource } from '@luoshi/contracts';

export interface DemoTopic {
  /** 事项名称 without the unit, e.g. 高标准农田建设. */
  topic: string;
  /** The lead department's `shortName` (provincial-departments.json). */
  department: string;
  source: TaskSource;
  reportingFrequency: 'monthly' | 'quarterly' | 'half_monthly';
  /** 督办内容; `{unit}` is the lead unit's name. */
  content: string;
  /** Report texts, in order, as the work advances (本期进展). */
  progress: readonly string[];
  /** 下步计划 of a report. */
  next: string;
}

export const demoTopics: readonly DemoTopic[] = [
  {
    topic: '高标准农田建设',
    department: '省农业农村厅',
    source: 'work_report',
    reportingFrequency: 'monthly',
    content: '{unit}完成年度高标准农田建设任务，同步配套灌排设施，年底前完成县级初验。',
    progress: [
      '完成项目初步设计审查，落实建设资金。',
      '已开工建设，完成土地平整工程量的四成。',
      '田间道路和灌排设施基本完工，正在组织初验。',
    ],
    next: '加快剩余标段施工，做好竣工验收准备。',
  },
  {
    topic: '城镇老旧小区改造',
    department: '省住房城乡建设厅',
    source: 'work_report',
    reportingFrequency: 'monthly',
    content: '{unit}推进城镇老旧小区改造，同步实施管网更新和加装电梯，改造小区按期完工。',
    progress: ['完成改造小区摸底和居民意见征集。', '已开工小区占计划的 70%，同步推进管网更新。', '主体改造基本完成，正在组织居民验收。'],
    next: '督促施工单位加快进度，做好冬季施工安全。',
  },
  {
    topic: '高原湖泊保护治理',
    department: '省生态环境厅',
    source: 'meeting_decision',
    reportingFrequency: 'monthly',
    content: '{unit}落实湖泊保护治理“一湖一策”，入湖河道水质稳定达标，完成环湖截污工程。',
    progress: [
      '完成入湖河道排查，建立问题清单。',
      '环湖截污管网完成 60%，入湖河道水质持续改善。',
      '截污工程主体完工，水质监测断面全部达标。',
    ],
    next: '开展入湖河道常态化巡查，巩固治理成效。',
  },
  {
    topic: '森林草原防灭火',
    department: '省林草局',
    source: 'leader_instruction',
    reportingFrequency: 'half_monthly',
    content: '{unit}压实森林草原防灭火责任，落实重点时段巡护和野外用火管控，确保不发生重大火情。',
    progress: ['完成防火责任书签订和隐患排查。', '增设临时检查站，重点时段巡护全覆盖。', '防火期内未发生重大火情，扑救队伍全部到位。'],
    next: '继续加强重点时段巡护，做好物资储备。',
  },
  {
    topic: '农村公路提质改造',
    department: '省交通运输厅',
    source: 'work_report',
    reportingFrequency: 'monthly',
    content: '{unit}完成农村公路提质改造和安全生命防护工程建设任务，改善群众出行条件。',
    progress: ['完成项目招投标，施工队伍进场。', '完成路基工程，路面铺设过半。', '主体工程完工，正在完善交通安全设施。'],
    next: '组织交工验收，移交管养。',
  },
  {
    topic: '稳就业促增收',
    department: '省人力资源社会保障厅',
    source: 'work_report',
    reportingFrequency: 'monthly',
    content: '{unit}落实稳就业政策，城镇新增就业和农村劳动力转移就业完成年度目标。',
    progress: [
      '开展春风行动招聘会 12 场，达成就业意向 3000 余人。',
      '城镇新增就业完成年度目标的 65%。',
      '城镇新增就业完成年度目标的 92%，转移就业稳定。',
    ],
    next: '聚焦高校毕业生和脱贫劳动力，做好岗位对接。',
  },
  {
    topic: '安全生产专项整治',
    department: '省应急管理厅',
    source: 'document',
    reportingFrequency: 'monthly',
    content: '{unit}开展安全生产治本攻坚，重大事故隐患动态清零，事故起数和死亡人数双下降。',
    progress: ['完成重点行业领域隐患排查，建立整改台账。', '重大事故隐患整改完成 80%。', '重大事故隐患全部整改销号，开展“回头看”。'],
    next: '巩固整治成果，建立常态化排查机制。',
  },
  {
    topic: '优化营商环境',
    department: '省发展改革委',
    source: 'meeting_decision',
    reportingFrequency: 'quarterly',
    content: '{unit}落实优化营商环境措施，企业开办和工程建设项目审批时限压减到位。',
    progress: ['梳理审批事项清单，压减申请材料。', '企业开办全程网办率达到 95%。', '工程建设项目审批时限压减至 60 个工作日以内。'],
    next: '开展营商环境评价，整改发现的问题。',
  },
  {
    topic: '重大项目投资',
    department: '省发展改革委',
    source: 'work_report',
    reportingFrequency: 'monthly',
    content: '{unit}加快重大项目建设，新开工项目按期开工，年度投资计划按序时完成。',
    progress: [
      '年度重大项目清单已下达，前期工作全面启动。',
      '新开工项目开工率 70%，完成年度投资 58%。',
      '完成年度投资计划的 88%，重点项目进展顺利。',
    ],
    next: '加强要素保障，推动项目尽快形成实物工作量。',
  },
  {
    topic: '文旅融合发展',
    department: '省文化和旅游厅',
    source: 'work_report',
    reportingFrequency: 'quarterly',
    content: '{unit}推进文旅深度融合，提升旅游服务质量，整治旅游市场秩序。',
    progress: ['完成旅游服务质量提升方案。', '开展旅游市场秩序整治，查处违规经营 23 起。', '重点景区提质改造完成，游客满意度明显提升。'],
    next: '做好旅游旺季服务保障。',
  },
  {
    topic: '水利工程建设',
    department: '省水利厅',
    source: 'meeting_decision',
    reportingFrequency: 'monthly',
    content: '{unit}加快中小型水库和灌区建设，按期完成年度水利投资任务。',
    progress: ['完成水库枢纽工程招标。', '大坝填筑完成 55%，灌区渠系同步施工。', '主体工程基本完工，准备下闸蓄水验收。'],
    next: '做好蓄水安全鉴定和验收准备。',
  },
  {
    topic: '耕地保护和违法用地整治',
    department: '省自然资源厅',
    source: 'audit_finding',
    reportingFrequency: 'monthly',
    content: '{unit}落实耕地保护责任，整改卫片执法发现的违法用地问题，按期销号。',
    progress: ['完成问题图斑核查，建立整改清单。', '违法用地整改完成 60%，立案查处 15 宗。', '整改完成 95%，剩余图斑正在复垦。'],
    next: '完成剩余图斑整改，迎接省级核查。',
  },
  {
    topic: '养老服务体系建设',
    department: '省民政厅',
    source: 'work_report',
    reportingFrequency: 'quarterly',
    content: '{unit}建设社区养老服务设施，发展助餐助浴等居家养老服务。',
    progress: ['完成社区养老服务设施选址。', '新建社区养老服务站 18 个，开设老年助餐点 40 个。', '养老服务设施全部投入运营。'],
    next: '完善运营补贴政策，提升服务质量。',
  },
  {
    topic: '食品安全监管',
    department: '省市场监管局',
    source: 'public_complaint',
    reportingFrequency: 'monthly',
    content: '{unit}回应群众对食品安全的关切，开展校园周边和农村集市食品安全专项检查。',
    progress: [
      '制定专项检查方案，检查经营主体 1200 余户。',
      '查处问题食品案件 36 起，已全部立案。',
      '专项检查完成，已向群众反馈处理结果。',
    ],
    next: '建立常态化抽检机制。',
  },
  {
    topic: '绿色能源项目建设',
    department: '省能源局',
    source: 'meeting_decision',
    reportingFrequency: 'monthly',
    content: '{unit}加快新能源项目建设和并网，完成年度新增装机目标。',
    progress: ['项目完成核准备案，开工率 60%。', '完成装机目标的 55%，送出线路同步建设。', '新增装机完成年度目标的 90%。'],
    next: '协调电网企业加快并网。',
  },
  {
    topic: '信访积案化解',
    department: '省信访局',
    source: 'leader_instruction',
    reportingFrequency: 'half_monthly',
    content: '{unit}开展信访积案化解攻坚，逐案落实包案领导，按期化解。',
    progress: ['完成积案梳理，逐案落实包案领导。', '已化解积案 60%，其余正在推进。', '化解积案 85%，对化解案件开展回访。'],
    next: '对剩余积案逐案会商，防止反弹。',
  },
  {
    topic: '数字政府建设',
    department: '省数据局',
    source: 'document',
    reportingFrequency: 'quarterly',
    content: '{unit}推进政务服务“一网通办”，高频事项全程网办，数据共享按期完成。',
    progress: ['完成高频事项梳理。', '高频事项网办率达到 80%，完成 12 个系统对接。', '高频事项全部实现全程网办。'],
    next: '开展“好差评”回访，优化办事体验。',
  },
  {
    topic: '招商引资',
    department: '省商务厅',
    source: 'meeting_decision',
    reportingFrequency: 'monthly',
    content: '{unit}落实招商引资任务，签约项目按期落地开工，到位资金完成年度目标。',
    progress: ['举办专题招商推介会 3 场，签约项目 15 个。', '签约项目开工率 50%，到位资金完成目标的 55%。', '到位资金完成年度目标的 86%。'],
    next: '跟踪签约项目落地，做好服务保障。',
  },
];

/** The 督查员's words when a report is returned, a completion sent back, an item urged or extended. */
export const demoWords = {
  reportReturned: ['进展表述笼统，请补充完成的具体数量和佐证材料。', '本期进展与上期重复，请按实际进展重新报送。'],
  sentBack: ['佐证材料不全，请补充验收资料后重新申请办结。', '群众反映问题尚未全部解决，请继续办理。'],
  urged: ['请于本周内报送阶段性进展。', '进展滞后于序时进度，请加快推进并报送原因。'],
  extensionReason: ['受雨季影响，部分工程无法按期完工。', '涉及跨部门审批，需延长办理时限。'],
  extensionProgress: '主体工作已完成七成，剩余工作正在推进。',
  completion: '各项任务已按要求完成，佐证材料齐全，申请办结。',
} as const;

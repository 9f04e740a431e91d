/**
 * Phrase lists the generator combines into Chinese titles, contents and report texts, so that keyword search
 * (`q=高标准农田`) and trigram similarity meet text shaped like real 督办 items rather than random characters.
 */

/** Opening verb phrase of a title. */
export const titleVerbs = [
  '加快推进',
  '抓好落实',
  '切实做好',
  '全力推进',
  '扎实开展',
  '持续深化',
  '统筹推进',
  '认真落实',
  '加大力度推进',
  '着力解决',
  '限期完成',
  '全面排查整治',
  '研究制定',
  '督促落实',
  '协调解决',
  '稳步推进',
];

/** The subject of a title (what must get done). */
export const titleTopics = [
  '高标准农田建设',
  '滇池保护治理',
  '九大高原湖泊保护',
  '乡村振兴重点帮扶县',
  '营商环境优化提升',
  '城镇老旧小区改造',
  '义务教育优质均衡发展',
  '县域医共体建设',
  '重点项目建设',
  '中老铁路沿线开发',
  '绿色能源产业发展',
  '高原特色现代农业',
  '生物多样性保护',
  '安全生产隐患排查',
  '森林草原防灭火',
  '地质灾害防治',
  '农村饮水安全巩固',
  '根治欠薪',
  '政务服务“一网通办”',
  '数字云南建设',
  '沿边开放口岸建设',
  '文旅融合发展',
  '民营经济发展',
  '稳就业保民生',
  '城乡居民医保扶贫',
  '农村人居环境整治',
  '河湖长制落实',
  '耕地保护和粮食安全',
  '中央环保督察反馈问题整改',
  '审计查出问题整改',
  '人大代表建议办理',
  '政协委员提案办理',
  '12345热线群众诉求办理',
  '住房保障',
  '交通基础设施建设',
  '水网建设',
  '招商引资',
  '科技创新平台建设',
  '职业教育产教融合',
  '养老服务体系建设',
];

/** Closing words of a title. */
export const titleSuffixes = ['工作', '任务', '有关工作', '三年行动', '专项行动', '重点任务', '工作方案', '问题整改', '落实情况'];

/** Measures named in an item's content. */
export const contentMeasures = [
  '细化工作方案，明确责任分工和时间节点',
  '建立工作台账，实行清单化管理、销号式推进',
  '加强部门协同，形成工作合力',
  '强化资金保障，加快项目前期工作',
  '开展专项督查，压实属地责任',
  '完善长效机制，防止问题反弹',
  '加强调度通报，定期报送进展',
  '坚持问题导向，逐项研究解决',
];

/** What an item's content says must be achieved. */
export const contentGoals = [
  '确保按期完成年度目标任务',
  '确保取得实质性进展',
  '确保群众满意',
  '确保不发生重大安全事故',
  '确保问题整改到位',
  '确保工程质量和进度',
];

/** What a progress report says was done in the period. */
export const reportDone = [
  '召开专题推进会，研究部署下一阶段工作',
  '完成现场调研，梳理形成问题清单',
  '已完成年度投资计划的阶段性目标',
  '组织开展专项检查，发现问题已全部交办整改',
  '已印发实施方案，明确责任单位和完成时限',
  '项目已开工建设，完成主体工程',
  '完成资金拨付，正在组织验收',
  '已与配合单位会商，形成一致意见',
  '完成阶段性整改，整改台账已更新',
  '开展群众回访，满意度明显提升',
];

export const reportNextSteps = [
  '下一步将加快推进剩余任务',
  '下一步将加强调度，按期完成',
  '下一步将组织验收并报送总结',
  '下一步将持续跟踪问效，巩固成果',
];

export const reportProblems = ['资金到位较慢', '用地指标紧张', '部门协调难度较大', '施工受雨季影响', '基层人员力量不足'];

/** Names of generated 乡镇街道 (a suffix is appended per county so that they stay unique under their government). */
export const townshipNames = [
  '城关镇',
  '龙泉街道',
  '金碧街道',
  '新街镇',
  '马街镇',
  '大营镇',
  '白石乡',
  '清水镇',
  '河口镇',
  '松林乡',
  '凤凰街道',
  '沙坝乡',
  '黑井镇',
  '腊甲乡',
];

/** Generated 县级部门 (county departments), the same set in every 县市区. */
export const countyDepartmentNames = [
  '发展和改革局',
  '教育体育局',
  '卫生健康局',
  '住房和城乡建设局',
  '农业农村局',
  '自然资源局',
  '生态环境分局',
  '交通运输局',
];

/** Family and given names for generated people. */
export const familyNames = [
  '张',
  '王',
  '李',
  '赵',
  '刘',
  '陈',
  '杨',
  '黄',
  '周',
  '吴',
  '段',
  '普',
  '罗',
  '和',
  '岩',
  '刀',
  '杞',
  '木',
  '字',
  '者',
];
export const givenNames = [
  '建华',
  '丽',
  '明',
  '志刚',
  '春燕',
  '国强',
  '海燕',
  '文',
  '勇',
  '琼',
  '永红',
  '学军',
  '玉兰',
  '晓东',
  '金花',
  '云',
];

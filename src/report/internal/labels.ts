/**
 * The words of the reports themselves (headings, column names, vocabularies), in English and
 * Simplified Chinese. Messages inside an assessment are already rendered in the locale it was
 * assessed with; these labels follow the report's own `locale` option.
 *
 * @internal
 * @module
 */
import type { Locale } from '../../explain/types.js';

export interface ReportLabels {
  readonly title: string;
  readonly asOf: string;
  readonly stage: string;
  readonly progress: string;
  readonly people: string;
  readonly notSet: string;
  readonly thresholds: string;
  readonly thresholdsPassed: (n: number) => string;
  readonly information: string;
  readonly relationship: string;
  readonly decision: string;
  readonly passed: string;
  readonly notPassed: string;
  readonly flags: string;
  readonly flag: string;
  readonly severityCol: string;
  readonly threshold: string;
  readonly result: string;
  readonly evidence: string;
  readonly kind: string;
  readonly noFlags: string;
  readonly actions: string;
  readonly noActions: string;
  readonly whoMatters: string;
  readonly rank: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly level: string;
  readonly levelShort: string;
  readonly relShort: string;
  readonly score: string;
  readonly roles: string;
  readonly stanceCol: string;
  readonly ourRelationship: string;
  readonly assumedInfluence: (value: string, names: string) => string;
  readonly moreNotShown: (n: number) => string;
  readonly supportBase: string;
  readonly net: string;
  readonly supportWord: string;
  readonly opposition: string;
  readonly unknownShare: string;
  readonly interval: string;
  readonly allies: string;
  readonly gatekeepers: string;
  readonly none: string;
  readonly won: string;
  readonly notWon: string;
  readonly decisionMakers: string;
  readonly inferred: string;
  readonly status: string;
  readonly risk: string;
  readonly bestPath: string;
  readonly alternatives: string;
  readonly alternative: string;
  readonly noPath: string;
  readonly us: string;
  readonly coach: string;
  readonly noCoach: string;
  readonly weakest: string;
  readonly currentCoach: string;
  readonly weakOn: string;
  readonly committee: string;
  readonly lean: string;
  readonly verdict: string;
  readonly engagements: string;
  readonly gain: string;
  readonly feasibility: string;
  readonly expected: string;
  readonly route: string;
  readonly directContact: string;
  readonly noRoute: string;
  readonly probability: string;
  readonly powerMap: string;
  readonly legend: string;
  readonly grid: string;
  readonly gridX: string;
  readonly gridY: string;
  readonly quadrants: { readonly leverage: string; readonly neutralise: string; readonly cultivate: string; readonly monitor: string };
  readonly unknownStanceColumn: string;
  readonly tables: string;
  readonly generatedBy: string;
  readonly legendItems: {
    readonly size: string;
    readonly colour: string;
    readonly unknown: string;
    readonly ring: string;
    readonly dm: string;
    readonly coach: string;
    readonly gatekeeper: string;
    readonly influence: string;
    readonly formal: string;
    readonly conflict: string;
    readonly path: string;
    readonly us: string;
  };
  readonly showing: (shown: number, total: number, top: number) => string;
  readonly levelRow: (level: number) => string;
  readonly noDepartment: string;
  readonly questions: string;
  readonly informationPoint: string;
  readonly infoStatus: Readonly<Record<string, string>>;
  readonly infoPoint: Readonly<Record<string, string>>;
  readonly stance: Readonly<Record<string, string>>;
  readonly role: Readonly<Record<string, string>>;
  readonly severity: Readonly<Record<string, string>>;
  readonly coverageStatus: Readonly<Record<string, string>>;
  readonly riskLevel: Readonly<Record<string, string>>;
  readonly verdictWord: Readonly<Record<string, string>>;
  readonly coachKind: Readonly<Record<string, string>>;
  readonly criterion: Readonly<Record<string, string>>;
  readonly spin: Readonly<Record<string, string>>;
  readonly actionKind: Readonly<Record<string, string>>;
  readonly gatekeeperReason: Readonly<Record<string, string>>;
}

const EN: ReportLabels = {
  title: 'Deal assessment',
  asOf: 'as of',
  stage: 'Stage',
  progress: 'through the cycle',
  people: 'people',
  notSet: 'not set',
  thresholds: 'The three thresholds',
  thresholdsPassed: (n) => `${n} of 3 passed`,
  information: 'Information power',
  relationship: 'Relationship power',
  decision: 'Decision power',
  passed: 'PASSED',
  notPassed: 'NOT PASSED',
  flags: 'Red flags',
  flag: 'Flag',
  severityCol: 'Severity',
  threshold: 'Threshold',
  result: 'Result',
  evidence: 'Evidence',
  kind: 'Kind',
  noFlags: 'No red flags.',
  actions: 'Next actions',
  noActions: 'Nothing to do.',
  whoMatters: 'Who matters',
  rank: '#',
  name: 'Name',
  jobTitle: 'Title',
  department: 'Department',
  level: 'Level',
  levelShort: 'Lvl',
  relShort: 'Rel',
  score: 'Score',
  roles: 'Roles',
  stanceCol: 'Stance',
  ourRelationship: 'Our relationship',
  assumedInfluence: (value, names) => `Influence not assessed (assumed ${value}): ${names}`,
  moreNotShown: (n) => `… and ${n} more`,
  supportBase: 'Support base',
  net: 'Net support',
  supportWord: 'support',
  opposition: 'opposition',
  unknownShare: 'unknown stance',
  interval: 'with the unknowns, between',
  allies: 'Allies',
  gatekeepers: 'Gatekeepers',
  none: 'none',
  won: 'won over',
  notWon: 'not won',
  decisionMakers: 'Decision makers',
  inferred: 'inferred',
  status: 'Status',
  risk: 'Risk',
  bestPath: 'Best path',
  alternatives: 'Alternatives',
  alternative: 'Alternative',
  noPath: 'no path',
  us: 'us',
  coach: 'Coach candidates',
  noCoach: 'Nobody qualifies yet: we need a supporter who takes part in the project.',
  weakest: 'weakest',
  currentCoach: 'Current coach',
  weakOn: 'weak on',
  committee: 'Committee lean',
  lean: 'Lean',
  verdict: 'Verdict',
  engagements: 'Who to win over next',
  gain: 'Gain',
  feasibility: 'Reach',
  expected: 'Expected',
  route: 'Route',
  directContact: 'our direct contact',
  noRoute: 'no route yet',
  probability: 'Probability',
  powerMap: 'Power map',
  legend: 'Legend',
  grid: 'Influence × stance',
  gridX: 'stance: against ← → for us',
  gridY: 'influence (key-people score)',
  quadrants: {
    leverage: 'Leverage: influential supporters',
    neutralise: 'Neutralise: influential opponents',
    cultivate: 'Cultivate: supporters with little influence',
    monitor: 'Monitor: opponents with little influence',
  },
  unknownStanceColumn: 'stance unknown',
  tables: 'Details',
  generatedBy: 'Generated by powermap',
  legendItems: {
    size: 'size = key-people score',
    colour: 'colour = stance',
    unknown: 'stance unknown',
    ring: 'blue ring = our relationship (thicker = stronger)',
    dm: 'decision maker',
    coach: 'coach candidate',
    gatekeeper: 'gatekeeper',
    influence: 'influence (thicker = stronger)',
    formal: 'reporting line',
    conflict: 'conflict',
    path: 'best introduction path, with its probability',
    us: 'our team',
  },
  showing: (shown, total, top) =>
    `Showing ${shown} of ${total} people: the top ${top} by key-people score, plus decision makers and the people on their best introduction paths.`,
  levelRow: (level) => `Level ${level}`,
  noDepartment: 'no department',
  questions: 'Questions',
  informationPoint: 'Information point',
  infoStatus: { known: 'known', partial: 'partial', unknown: 'unknown' },
  infoPoint: {
    plan: 'plan',
    procurement: 'procurement',
    organisation: 'organisation',
    'decision-structure': 'decision structure',
    finance: 'finance',
    needs: 'needs',
    resources: 'resources',
    competitors: 'competitors',
    'success-factors': 'key success factors',
  },
  stance: { champion: 'champion', supporter: 'supporter', neutral: 'neutral', skeptic: 'skeptic', opponent: 'opponent', unknown: 'unknown' },
  role: {
    'decision-maker': 'decision maker',
    'economic-buyer': 'economic buyer',
    approver: 'approver',
    'technical-buyer': 'technical buyer',
    user: 'user',
    influencer: 'influencer',
    gatekeeper: 'gatekeeper',
    procurement: 'procurement',
    legal: 'legal',
    coach: 'coach',
    champion: 'champion',
    blocker: 'blocker',
  },
  severity: { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' },
  coverageStatus: { direct: 'direct contact', path: 'reachable', 'weak-path': 'weak path', none: 'no path' },
  riskLevel: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  verdictWord: { support: 'SUPPORT', oppose: 'OPPOSE', contested: 'CONTESTED' },
  coachKind: { mobiliser: 'mobiliser', talker: 'talker' },
  criterion: {
    position: 'position',
    power: 'power',
    information: 'information sources',
    participation: 'takes part',
    reputation: 'reputation',
    willingness: 'willingness',
    backing: 'backing from above',
    character: 'character',
  },
  spin: { situation: 'Situation', problem: 'Problem', implication: 'Implication', 'need-payoff': 'Need-payoff' },
  actionKind: { meet: 'meet', 'find-out': 'find out', ask: 'ask' },
  gatekeeperReason: { role: 'marked gatekeeper', 'best-path': 'on the best path', brokerage: 'broker' },
};

const ZH: ReportLabels = {
  title: '项目评估',
  asOf: '截至',
  stage: '阶段',
  progress: '进度',
  people: '人',
  notSet: '未设置',
  thresholds: '三道门槛',
  thresholdsPassed: (n) => `已通过 ${n}/3`,
  information: '信息力',
  relationship: '关系力',
  decision: '决定力',
  passed: '已通过',
  notPassed: '未通过',
  flags: '风险警示',
  flag: '警示',
  severityCol: '严重程度',
  threshold: '门槛',
  result: '结果',
  evidence: '依据',
  kind: '类型',
  noFlags: '没有风险警示。',
  actions: '下一步行动',
  noActions: '暂无行动。',
  whoMatters: '关键人物',
  rank: '#',
  name: '姓名',
  jobTitle: '职务',
  department: '部门',
  level: '层级',
  levelShort: '层级',
  relShort: '关系',
  score: '得分',
  roles: '角色',
  stanceCol: '态度',
  ourRelationship: '我方关系',
  assumedInfluence: (value, names) => `影响力未评估（按 ${value} 计）：${names}`,
  moreNotShown: (n) => `……另有 ${n} 人`,
  supportBase: '支持面',
  net: '净支持',
  supportWord: '支持',
  opposition: '反对',
  unknownShare: '态度未知',
  interval: '考虑未知态度，介于',
  allies: '盟友',
  gatekeepers: '把关者（小鬼）',
  none: '无',
  won: '已争取',
  notWon: '未争取',
  decisionMakers: '决策者',
  inferred: '推断',
  status: '状态',
  risk: '风险',
  bestPath: '最佳路径',
  alternatives: '备选路径',
  alternative: '备选路径',
  noPath: '无路径',
  us: '我方',
  coach: '内线候选人',
  noCoach: '还没有合格的内线：需要一位参与项目的支持者。',
  weakest: '最弱项',
  currentCoach: '现有内线',
  weakOn: '薄弱项',
  committee: '决策倾向',
  lean: '倾向',
  verdict: '结论',
  engagements: '下一步争取谁',
  gain: '增益',
  feasibility: '可接触',
  expected: '期望',
  route: '路径',
  directContact: '我方直接联系人',
  noRoute: '暂无路径',
  probability: '概率',
  powerMap: '权力地图',
  legend: '图例',
  grid: '影响力 × 态度',
  gridX: '态度：反对 ← → 支持',
  gridY: '影响力（关键人物得分）',
  quadrants: {
    leverage: '借力：有影响力的支持者',
    neutralise: '化解：有影响力的反对者',
    cultivate: '培养：影响力较小的支持者',
    monitor: '关注：影响力较小的反对者',
  },
  unknownStanceColumn: '态度未知',
  tables: '明细',
  generatedBy: '由 powermap 生成',
  legendItems: {
    size: '大小 = 关键人物得分',
    colour: '颜色 = 态度',
    unknown: '态度未知',
    ring: '蓝色外环 = 我方关系（越粗越强）',
    dm: '决策者',
    coach: '内线候选人',
    gatekeeper: '把关者',
    influence: '影响（越粗越强）',
    formal: '汇报关系',
    conflict: '冲突',
    path: '最佳引荐路径及其成功概率',
    us: '我方团队',
  },
  showing: (shown, total, top) => `显示 ${total} 人中的 ${shown} 人：关键人物得分前 ${top} 名，以及决策者和通往决策者最佳路径上的人。`,
  levelRow: (level) => `第 ${level} 级`,
  noDepartment: '未分部门',
  questions: '问题',
  informationPoint: '信息点',
  infoStatus: { known: '已掌握', partial: '部分掌握', unknown: '未知' },
  infoPoint: {
    plan: '项目计划',
    procurement: '采购流程',
    organisation: '组织结构',
    'decision-structure': '决策结构',
    finance: '财务',
    needs: '需求',
    resources: '资源',
    competitors: '竞争对手',
    'success-factors': '关键成功要素',
  },
  stance: { champion: '拥护者', supporter: '支持者', neutral: '中立', skeptic: '怀疑者', opponent: '反对者', unknown: '未知' },
  role: {
    'decision-maker': '决策者',
    'economic-buyer': '经济决策者',
    approver: '审批者',
    'technical-buyer': '技术把关者',
    user: '使用者',
    influencer: '影响者',
    gatekeeper: '把关者',
    procurement: '采购',
    legal: '法务',
    coach: '内线',
    champion: '拥护者',
    blocker: '阻挠者',
  },
  severity: { critical: '严重', high: '高', medium: '中', low: '低' },
  coverageStatus: { direct: '直接联系', path: '可接触', 'weak-path': '路径薄弱', none: '无路径' },
  riskLevel: { low: '低', medium: '中', high: '高', critical: '严重' },
  verdictWord: { support: '支持', oppose: '反对', contested: '未定' },
  coachKind: { mobiliser: '动员者', talker: '健谈者' },
  criterion: {
    position: '职位',
    power: '权力',
    information: '信息来源',
    participation: '参与项目',
    reputation: '口碑',
    willingness: '意愿',
    backing: '上级支持',
    character: '人品',
  },
  spin: { situation: '背景问题', problem: '难点问题', implication: '暗示问题', 'need-payoff': '需求-效益问题' },
  actionKind: { meet: '拜访', 'find-out': '了解', ask: '提问' },
  gatekeeperReason: { role: '标记为把关者', 'best-path': '位于最佳路径上', brokerage: '信息中介' },
};

/** The labels of a locale. */
export function labelsFor(locale: Locale): ReportLabels {
  return locale === 'zh-CN' ? ZH : EN;
}

/** A vocabulary word in the locale, or the code itself when the table has none (a user rule's code, say). */
export function word(table: Readonly<Record<string, string>>, key: string): string {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key]! : key;
}

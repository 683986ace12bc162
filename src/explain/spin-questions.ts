/**
 * SPIN discovery questions (Rackham 1988: Situation, Problem, Implication, Need-payoff) per
 * buying role, in English and Chinese, for people whose needs are unknown (M10, M11).
 *
 * @module
 */
import type { Role } from '../model/vocabulary.js';
import type { Locale } from './types.js';

/** One SPIN question. */
export interface SpinQuestion {
  readonly kind: 'situation' | 'problem' | 'implication' | 'need-payoff';
  readonly text: string;
}

type Set4 = readonly [string, string, string, string];
type RoleKey = Role | 'default';

const EN: Readonly<Partial<Record<RoleKey, Set4>>> = {
  'decision-maker': [
    'Which goals for the next two years does this project serve?',
    'Where does the organisation fall short of those goals today?',
    'What happens to those goals if the problem is still there next year?',
    'If this were solved, what would it make possible for you?',
  ],
  'economic-buyer': [
    'How is a project like this funded and approved here?',
    'Where do the current costs or risks hurt the budget most?',
    'What does it cost each quarter that this stays as it is?',
    'What return would make this an easy decision for you?',
  ],
  approver: [
    'What do you need to see before you approve a project like this?',
    'Which past projects were hard to approve, and why?',
    'What happens if this one is approved late?',
    'What would make you comfortable sponsoring it?',
  ],
  'technical-buyer': [
    'What does the current system landscape look like?',
    'Where do the current tools fail your requirements?',
    'What do those failures cost your team in effort or risk?',
    'How would it help you if the new solution removed that?',
  ],
  user: [
    'How does your team do this work today, step by step?',
    'Where does the work get stuck or need workarounds?',
    'What does that do to your deadlines and your customers?',
    'If that went away, what would your team do with the time?',
  ],
  procurement: [
    'What steps does a purchase of this size go through?',
    'What has made past purchases like this difficult?',
    'What happens when a supplier does not meet the terms?',
    'What would make this purchase straightforward for you?',
  ],
  legal: [
    'Which contract terms matter most for a purchase like this?',
    'Where have contracts with suppliers caused trouble?',
    'What exposure does the company carry if that happens again?',
    'What terms would let you approve quickly?',
  ],
  gatekeeper: [
    'How does your manager prefer to receive proposals like ours?',
    'What makes it hard to get time on their calendar?',
    'What happens when a decision waits for a meeting slot?',
    'How could we make it easier for you to bring this forward?',
  ],
  default: [
    'What is your part in this project?',
    'What problems do you see with the way things work today?',
    'How do those problems affect you and your team?',
    'What would a good outcome of this project look like for you?',
  ],
};

const ZH: Readonly<Partial<Record<RoleKey, Set4>>> = {
  'decision-maker': [
    '这个项目服务于未来两年的哪些目标？',
    '目前距离这些目标还差在哪里？',
    '如果明年问题仍然存在，这些目标会受到什么影响？',
    '如果问题解决了，能为您带来什么新的可能？',
  ],
  'economic-buyer': [
    '这类项目在贵单位是如何立项和审批预算的？',
    '目前哪些成本或风险对预算压力最大？',
    '维持现状每个季度要付出多少代价？',
    '怎样的回报能让您轻松做出决定？',
  ],
  approver: [
    '审批这类项目前您需要看到什么？',
    '以往哪些项目审批困难？原因是什么？',
    '如果这个项目审批延误会怎样？',
    '怎样才能让您放心支持这个项目？',
  ],
  'technical-buyer': [
    '目前的系统架构是什么样的？',
    '现有工具在哪些方面达不到要求？',
    '这些问题给团队带来了多少工作量或风险？',
    '如果新方案解决了这些问题，对您有什么帮助？',
  ],
  user: [
    '您的团队现在是怎样一步步完成这项工作的？',
    '工作在哪些环节会卡住或需要变通处理？',
    '这对工期和服务对象有什么影响？',
    '如果这些问题消失了，团队会把时间用在哪里？',
  ],
  procurement: [
    '这种规模的采购要经过哪些步骤？',
    '以往类似的采购难在哪里？',
    '供应商不履约时会发生什么？',
    '怎样能让这次采购对您来说更顺利？',
  ],
  legal: [
    '这类采购最看重哪些合同条款？',
    '以往与供应商的合同在哪些地方出过问题？',
    '如果再发生，单位要承担多大的风险？',
    '什么样的条款能让您尽快通过？',
  ],
  gatekeeper: [
    '领导一般希望以什么方式收到这类方案？',
    '为什么约到领导的时间比较难？',
    '决策等待会议安排时会带来什么影响？',
    '我们怎样做能让您更方便地推进这件事？',
  ],
  default: [
    '您在这个项目中负责哪一部分？',
    '您认为目前的做法存在哪些问题？',
    '这些问题对您和团队有什么影响？',
    '对您来说，这个项目怎样才算成功？',
  ],
};

const KINDS = ['situation', 'problem', 'implication', 'need-payoff'] as const;
const ROLE_PRIORITY: readonly Role[] = [
  'decision-maker', 'economic-buyer', 'approver', 'technical-buyer', 'procurement', 'legal', 'gatekeeper', 'user',
];

/**
 * The four SPIN questions for a person with the given roles (the most senior buying role wins;
 * general questions when none has its own set).
 *
 * @param roles - the person's roles
 * @param locale - `en` (default) or `zh-CN`
 * @returns four questions: situation, problem, implication, need-payoff
 * @example
 * ```ts
 * spinQuestions(['user'])[1].text; // => 'Where does the work get stuck or need workarounds?'
 * ```
 * @see methodology M11 — use SPIN questioning; let the customer say where it hurts
 * @category Explanations
 */
export function spinQuestions(roles: readonly Role[], locale: Locale = 'en'): SpinQuestion[] {
  const table = locale === 'zh-CN' ? ZH : EN;
  const role = ROLE_PRIORITY.find((r) => roles.includes(r)) ?? 'default';
  const set = table[role] ?? table.default!;
  return KINDS.map((kind, k) => ({ kind, text: set[k]! }));
}

/**
 * Message catalogues, `en` and `zh-CN`. A message is a template with `{name}` placeholders; list
 * parameters are joined with the locale's separator, numbers are shown with up to 3 decimals.
 *
 * @module
 */
import type { Locale } from './types.js';

/** One catalogue: code -> template. */
export type Catalogue = Readonly<Record<string, string>>;

/** English messages. */
export const en: Catalogue = {
  // model and graph
  assumed_influence: 'Influence not assessed for {people}; assumed {value} (the median of the assessed values).',
  unknown_stance: 'Stance unknown for {people}; counted as neutral.',
  // relationship power (M6)
  rank_score: '{person} scores {score}: {own} from their own influence and {via} through the people who listen to them.',
  support_base: 'Support {support}, opposition {opposition}, net {net}; {unknown} of the weight has an unknown stance.',
  ally: '{person} supports us (stance {stance}) and we have a working relationship (strength {rel}).',
  gatekeeper_role: '{person} is marked as a gatekeeper.',
  gatekeeper_path: '{person} is junior (level {level}) and sits on the best path to decision maker {dm}.',
  gatekeeper_broker: '{person} is junior (level {level}) and brokers information (top quartile of brokerage).',
  consensus: 'The committee is predicted to lean {lean} ({verdict}).',
  engagement: 'Winning {person} over would move the committee lean by {gain}; reachable with probability {feasibility}.',
  // decision power (M7)
  dm_direct: 'We have a direct relationship with {person} (strength {rel}).',
  dm_path: 'We can reach {person} through {path} with probability {probability}.',
  dm_none: 'We have no path to decision maker {person}.',
  // coach (M9)
  coach_weakest: "{person}'s weakest coach criterion is {criterion} ({value}).",
  coach_mobiliser: '{person} has power and can mobilise others.',
  coach_talker: '{person} is friendly but has little power (a talker, not a mobiliser).',
};

/** Simplified Chinese messages (the method's own users read Chinese). */
export const zhCN: Catalogue = {
  assumed_influence: '以下人员的影响力未评估：{people}；按已评估值的中位数 {value} 计。',
  unknown_stance: '以下人员的态度未知：{people}；按中立计。',
  rank_score: '{person} 得分 {score}：自身影响力贡献 {own}，经由听取其意见的人贡献 {via}。',
  support_base: '支持 {support}，反对 {opposition}，净支持 {net}；态度未知的权重占 {unknown}。',
  ally: '{person} 支持我们（态度 {stance}），且与我们有工作关系（强度 {rel}）。',
  gatekeeper_role: '{person} 被标记为把关者（小鬼）。',
  gatekeeper_path: '{person} 职级较低（第 {level} 级），却位于通往决策者 {dm} 的最佳路径上。',
  gatekeeper_broker: '{person} 职级较低（第 {level} 级），却处于信息中介的位置（中介度前四分之一）。',
  consensus: '预计决策小组的倾向为 {lean}（{verdict}）。',
  engagement: '争取 {person} 可使决策倾向提升 {gain}；可接触的概率为 {feasibility}。',
  dm_direct: '我们与 {person} 有直接关系（强度 {rel}）。',
  dm_path: '我们可经由 {path} 接触到 {person}，概率 {probability}。',
  dm_none: '我们没有接触决策者 {person} 的路径。',
  coach_weakest: '{person} 作为内线最薄弱的一项是 {criterion}（{value}）。',
  coach_mobiliser: '{person} 有权力，能够动员他人。',
  coach_talker: '{person} 态度友好但权力有限（只是健谈者，不是动员者）。',
};

/** The catalogues by locale. */
export const catalogues: Readonly<Record<Locale, Catalogue>> = { en, 'zh-CN': zhCN };

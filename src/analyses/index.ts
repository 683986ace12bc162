export { rankKeyPeople, type RankKeyPeopleOptions, type KeyPeopleRanking, type RankedPerson, type ScoreVia } from './rank-key-people.js';
export {
  measureSupportBase,
  type SupportBaseOptions,
  type SupportBase,
  type SupportContributor,
  type SupportGroup,
} from './measure-support-base.js';
export { findAllies, type AlliesOptions, type Allies, type Ally } from './find-allies.js';
export { findGatekeepers, type GatekeepersOptions, type Gatekeepers, type Gatekeeper, type GatekeeperReason } from './find-gatekeepers.js';
export { predictConsensus, type ConsensusOptions, type Consensus, type StanceShift, type DecisionRule } from './predict-consensus.js';
export { recommendEngagements, type EngagementOptions, type Engagements, type Engagement, type GainVia } from './recommend-engagements.js';
export {
  analyzeResilience,
  type ResilienceOptions,
  type Resilience,
  type DepartureImpact,
  type DecisionMakerAccess,
} from './analyze-resilience.js';
export {
  checkDecisionMakerCoverage,
  type CoverageOptions,
  type Coverage,
  type DecisionMakerCoverage,
  type IntroductionPath,
  type Bottleneck,
  type Introducer,
  type CoverageStatus,
  type CoverageRisk,
} from './check-decision-maker-coverage.js';
export {
  findCoachCandidates,
  COACH_CRITERIA,
  type CoachOptions,
  type CoachCandidates,
  type CoachAssessment,
  type CurrentCoach,
  type CriterionScore,
  type CoachCriterion,
} from './find-coach-candidates.js';
export type { ScoreOptions, DynamicsOptions, BrokerageSettings } from '../internal/common.js';
export {
  assessInformation,
  INFORMATION_POINTS,
  type InformationOptions,
  type Information,
  type InformationPoint,
  type InformationPointResult,
} from './assess-information.js';
export {
  assessSellingStage,
  SELLING_STAGES,
  type SellingStage,
  type SellingStageOptions,
  type SellingStageEvidence,
  type SellingStageResult,
} from './assess-selling-stage.js';
export {
  classifyAccount,
  PUBLIC_SECTORS,
  type AccountKind,
  type AccountOptions,
  type AccountKindResult,
  type AccountClassification,
} from './classify-account.js';
export {
  measureBuyingCenter,
  type BuyingCenterOptions,
  type BuyingCenter,
  type PowerInterest,
  type Quadrant,
} from './measure-buying-center.js';
export {
  compareSnapshots,
  type CompareOptions,
  type SnapshotComparison,
  type PersonChange,
  type AccessChange,
} from './compare-snapshots.js';
export { supportTrend, type SupportTrendOptions, type SupportTrend, type TrendPoint } from './support-trend.js';
export {
  assessDeal,
  type AssessDealOptions,
  type DealAssessment,
  type Threshold,
  type NextAction,
} from './assess-deal.js';
export { simulate, type Change, type Delta, type Simulation } from './simulate.js';

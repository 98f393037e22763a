import type { Agree, Difference, VoteSpec as ContractVoteSpec } from '../common/contracts.js';

/** What an item puts to the vote, by kind. Persons are named here, and only here. */
export type VoteSpec =
  | { type: 'motion'; options: string[] }
  | { type: 'election'; seats: number; candidates: { id: string; name: string; note?: string }[] }
  | {
      type: 'evaluation';
      scale: 'satisfaction' | 'competence';
      persons: { id: string; name: string; position?: string }[];
    };
// The same shapes as the client contract (libs/contracts): a difference does not compile.
type _VoteSpecContract = Agree<Difference<VoteSpec, ContractVoteSpec>>;

export const MOTION_OPTIONS = ['赞成', '反对', '弃权'];
export const SCALES = {
  satisfaction: ['满意', '基本满意', '不满意'],
  competence: ['优秀', '称职', '基本称职', '不称职'],
} as const;

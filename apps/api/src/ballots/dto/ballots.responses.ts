import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ElectionKey } from '../../common/ballot.js';
import { PollStatus } from '../poll.entity.js';
import type { pollView } from '../poll-view.js';

type PollView = ReturnType<typeof pollView>;

/** One question of the ballot a tablet fills in and encrypts (libs/ballot `QuestionSpec`). */
export class QuestionSpecResponse {
  @ApiProperty({ enum: ['motion', 'election', 'evaluation'] }) kind!: string;
  @ApiPropertyOptional({ description: 'motion: number of options (default 3)' }) options?: number;
  @ApiPropertyOptional({ description: 'election: number of candidates' }) candidates?: number;
  @ApiPropertyOptional({ description: 'election: most marks (seats)' }) maxMarks?: number;
  @ApiPropertyOptional() minMarks?: number;
  @ApiPropertyOptional({ description: 'evaluation: persons rated by this question' })
  persons?: number;
  @ApiPropertyOptional({ description: 'evaluation: grades of the scale' }) grades?: number;
}

export class PollSpecResponse {
  @ApiProperty({ type: [QuestionSpecResponse] }) questions!: QuestionSpecResponse[];
}

export class QuestionLabelsResponse {
  @ApiProperty({ example: '表决' }) title!: string;
  @ApiProperty({ type: [String], example: ['赞成', '反对', '弃权'] }) entries!: string[];
}

export class ExclusionResponse {
  @ApiProperty() tracker!: string;
  @ApiProperty({ description: 'board position' }) board!: string;
  @ApiProperty({ example: 'SEAT_LOST' }) reason!: string;
}

export class BallotCountsResponse {
  @ApiProperty() cast!: number;
  @ApiProperty() counted!: number;
  @ApiProperty() excluded!: number;
}

/** The decided result of a closed poll, kept for the minutes. */
export class PollResultResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'libs/tally 的判定（MotionResult、ElectionResult 或 EvaluationResult），含规则与中文说明',
  })
  decision!: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'marks per question and entry',
  })
  counts!: number[][];
  @ApiProperty({ type: BallotCountsResponse }) ballots!: BallotCountsResponse;
  @ApiProperty({ type: [ExclusionResponse] }) exclusions!: ExclusionResponse[];
  @ApiProperty({ nullable: true, enum: ['custodian'], type: String }) keyMode!: string | null;
  @ApiProperty() tallyAt!: string;
}

/** A poll as every tablet, the staff console and the projector see it. */
export class PollResponse implements Omit<PollView, 'result' | 'pollSpec'> {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '无记名（true）或记名表决' }) secret!: boolean;
  @ApiProperty({ example: '无记名投票' }) label!: string;
  @ApiProperty({ nullable: true, enum: ['custodian'], type: String }) keyMode!: 'custodian' | null;
  @ApiProperty({ nullable: true, type: String, description: '托管模式的信任说明' })
  keyLabel!: string | null;
  @ApiProperty({ enum: ['motion', 'election', 'evaluation'] }) voteType!: PollView['voteType'];
  @ApiProperty({ type: PollSpecResponse }) pollSpec!: PollSpecResponse;
  @ApiProperty({ type: [QuestionLabelsResponse] }) questions!: QuestionLabelsResponse[];
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'the election public key the tablets encrypt to (libs/ballot); null for open polls',
  })
  electionKey!: ElectionKey | null;
  @ApiProperty({ enum: PollStatus }) status!: PollStatus;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: PollResultResponse }) result!: PollResultResponse | null;

  /** The stored result and spec are plain JSON of the shapes above (libs/tally, libs/ballot). */
  static of(view: PollView): PollResponse {
    return view as PollResponse;
  }
}

export class BoardEntryResponse {
  @ApiProperty({ description: 'board position' }) board!: string;
  @ApiProperty() tracker!: string;
  @ApiProperty({ description: 'what a tablet shows of its tracker' }) shortCode!: string;
  @ApiProperty() counted!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'why it was not counted' })
  exclusion!: string | null;
}

/** The published record of a decided poll: anyone can recompute it. */
export class PollRecordResponse {
  @ApiProperty() pollId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() secret!: boolean;
  @ApiProperty({ nullable: true, enum: ['custodian'], type: String }) keyMode!: string | null;
  @ApiProperty({ type: [BoardEntryResponse] }) board!: BoardEntryResponse[];
  @ApiProperty({ nullable: true, type: PollResultResponse }) result!: PollResultResponse | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'secret polls: key, every ballot with its proofs, the encrypted tally and its decryption ' +
      '(libs/ballot `verifyElectionRecord` checks it); null for open polls',
  })
  electionRecord!: object | null;

  static of(record: Omit<PollRecordResponse, 'result'> & { result: object | null }) {
    return record as PollRecordResponse;
  }
}

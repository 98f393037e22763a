import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ElectionKey, ElectionRecordV2 } from '../../common/ballot.js';
import { AttendanceSummaryResponse } from '../../attendance/dto/attendance.responses.js';
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
  @ApiProperty({
    example: 'SEAT_LOST',
    description: 'SEAT_LOST, NOT_ISSUED, DUPLICATE_VOTER, SUPERSEDED or INVALID (libs/ballot)',
  })
  reason!: string;
  @ApiPropertyOptional({ description: 'INVALID: the failing check (libs/ballot code)' })
  code?: string;
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
    nullable: true,
    additionalProperties: true,
    description:
      'libs/tally 的判定（MotionResult、ElectionResult 或 EvaluationResult），含规则与中文说明；表决无效时为 null',
  })
  decision!: object | null;
  @ApiProperty({
    description: '收回的选票多于发出的选票：表决无效，须重新表决',
  })
  void!: boolean;
  @ApiPropertyOptional({
    description: '表决无效的其他原因（如托管密钥随服务进程重启而丢失），须重新表决',
  })
  voidReason?: string;
  @ApiProperty({ nullable: true, type: Number, description: '发出：开始表决时已签到的在任代表数' })
  issued!: number | null;
  @ApiProperty({ description: '收回：公告板上的选票（不同投票凭证）数' }) returned!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'marks per question and entry',
  })
  counts!: number[][];
  @ApiProperty({ type: BallotCountsResponse }) ballots!: BallotCountsResponse;
  @ApiProperty({ type: [ExclusionResponse] }) exclusions!: ExclusionResponse[];
  @ApiProperty({ nullable: true, enum: ['tellers', 'custodian'], type: String })
  keyMode!: string | null;
  @ApiProperty() tallyAt!: string;
}

/** A secret poll's board, fixed at opening. */
export class PollBoardResponse {
  @ApiProperty({ description: "Ed25519 public key (hex) that signs this poll's receipts" })
  publicKey!: string;
  @ApiProperty({ description: "h_0 of the board's hash chain (hex)" }) genesis!: string;
  @ApiProperty({ description: '发出：开始表决时已签到的在任代表数' }) issued!: number;
}

/** A poll as every tablet, the staff console and the projector see it. */
export class PollResponse implements Omit<PollView, 'result' | 'pollSpec'> {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '无记名（true）或记名表决' }) secret!: boolean;
  @ApiProperty({ example: '无记名投票' }) label!: string;
  @ApiProperty({ nullable: true, enum: ['tellers', 'custodian'], type: String })
  keyMode!: 'tellers' | 'custodian' | null;
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
  @ApiProperty({ nullable: true, type: PollBoardResponse }) board!: PollBoardResponse | null;
  @ApiProperty({ description: '使用投票凭证（每张选票须由每位监票人票箱中抽取的凭证签名）' })
  slips!: boolean;
  @ApiProperty({ enum: PollStatus }) status!: PollStatus;
  @ApiProperty() openedAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '预设时长结束、系统自动结束表决的时间；null 表示由工作人员结束',
  })
  closesAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ enum: ['first', 'last'], description: '以第一次 / 最后一次按键为准' })
  pressRule!: PollView['pressRule'];
  @ApiProperty({ enum: ['immediate', 'held'], description: '即时公布 / 主持人宣布后公布' })
  resultRelease!: PollView['resultRelease'];
  @ApiProperty({
    description: '结果已计出、等待主持人宣布（公开视图中 result 为 null，显示“结果待主持人宣布”）',
  })
  resultHeld!: boolean;
  @ApiProperty({ nullable: true, type: String }) releasedAt!: string | null;
  @ApiProperty({ nullable: true, type: PollResultResponse }) result!: PollResultResponse | null;

  /** The stored result and spec are plain JSON of the shapes above (libs/tally, libs/ballot). */
  static of(view: PollView): PollResponse {
    return view as unknown as PollResponse;
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

/**
 * The published record of a poll decided before the board existed, or of an open (记名) poll
 * (format version 1, as it was published).
 */
export class PollRecordResponse {
  @ApiProperty() pollId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() secret!: boolean;
  @ApiProperty({ nullable: true, enum: ['tellers', 'custodian'], type: String })
  keyMode!: string | null;
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

/** One ballot on a version 2 board. */
export class RecordEntryResponse {
  @ApiProperty({ description: 'from 1' }) position!: number;
  @ApiProperty({ description: "SHA-256 of the ballot's canonical bytes (hex)" }) tracker!: string;
  @ApiProperty({ description: 'h_position of the hash chain (hex)' }) chainHead!: string;
  @ApiProperty({ description: 'ISO 8601 UTC, as on the receipt' }) receivedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'libs/ballot Ballot' })
  ballot!: object;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'version 3: one slip signature per teller (libs/ballot SlipSignature)',
  })
  slips?: object[];
}

export class RecordBoardResponse {
  @ApiProperty({ description: "the server's Ed25519 receipt key (hex)" }) publicKey!: string;
  @ApiProperty({ description: 'h_0' }) genesis!: string;
  @ApiProperty({ description: 'h_n, the last link' }) head!: string;
  @ApiProperty({ type: [RecordEntryResponse] }) entries!: RecordEntryResponse[];
}

export class RecordIssuedResponse {
  @ApiProperty({ description: '发出' }) count!: number;
  @ApiProperty({ type: [String], description: 'voter credentials, ascending UTF-8 order' })
  credentials!: string[];
}

export class RecordElectorateResponse {
  @ApiProperty({ description: 'serving voting delegates' }) total!: number;
  @ApiProperty({ description: 'checked in (never the ballot count)' }) present!: number;
}

export class RecordExclusionResponse {
  @ApiProperty({ description: 'board position' }) position!: number;
  @ApiProperty({ enum: ['INVALID', 'NOT_ISSUED', 'SEAT_LOST', 'SUPERSEDED', 'DUPLICATE_VOTER'] })
  reason!: string;
  @ApiPropertyOptional({ description: 'INVALID: the failing check' }) code?: string;
  @ApiPropertyOptional({ description: 'SUPERSEDED: the later position' }) by?: number;
}

export class RecordResultResponse {
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer' } } })
  counts!: number[][];
  @ApiProperty({ description: '收回' }) returned!: number;
  @ApiProperty() counted!: number;
  @ApiProperty() excluded!: number;
  @ApiProperty({ description: '收回 > 发出: void, held again' }) void!: boolean;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  decision!: object | null;
}

/**
 * A secret poll's election record, format version 2 (libs/ballot/RECORD.md §6): checked by
 * `npm run verify-poll -- <URL>` or libs/ballot `verifyElectionRecordV2`.
 */
export class ElectionRecordV2Response {
  @ApiProperty({ enum: [2, 3], description: '3: voted with ballot slips (投票凭证)' })
  version!: 2 | 3;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'pollId, title, vote (labels and their meaning), recast, rule',
  })
  poll!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "{ mode: 'custodian', key } or { mode: 'tellers', ceremony }",
  })
  key!: object;
  @ApiProperty({ type: RecordElectorateResponse }) electorate!: RecordElectorateResponse;
  @ApiProperty({ type: RecordIssuedResponse }) issued!: RecordIssuedResponse;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "version 3: the tellers' slip batches bound at opening (libs/ballot RecordSlips)",
  })
  slips?: object;
  @ApiProperty({ type: RecordBoardResponse }) board!: RecordBoardResponse;
  @ApiProperty({ type: [RecordExclusionResponse] }) exclusions!: RecordExclusionResponse[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'EncryptedTally' })
  tally!: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'PartialDecryption, each with its proof',
  })
  decryptions!: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'partial decryptions refused (teller, code)',
  })
  refusedDecryptions!: object[];
  @ApiProperty({ type: RecordResultResponse }) result!: RecordResultResponse;

  static of(record: ElectionRecordV2): ElectionRecordV2Response {
    return record as unknown as ElectionRecordV2Response;
  }
}

/** A votable agenda item as the presidium's screen lists it. */
export class PresidiumItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ description: 'polls held on it so far (a re-vote is the 2nd, 3rd…)' })
  polls!: number;
}

/** What the presidium's screen shows the chair: attendance, polls (held results too), the agenda. */
export class PresidiumViewResponse {
  @ApiProperty({ type: AttendanceSummaryResponse }) attendance!: AttendanceSummaryResponse;
  @ApiProperty({ type: [PollResponse] }) polls!: PollResponse[];
  @ApiProperty({ type: [PresidiumItemResponse] }) items!: PresidiumItemResponse[];
  @ApiProperty({ nullable: true, type: String, description: '下一个尚未表决的议题' })
  nextItemId!: string | null;
}

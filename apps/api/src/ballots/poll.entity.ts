import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VoteSpec } from '../agenda/vote-spec.js';
import type {
  Agree,
  Difference,
  KeyMode,
  PollStatus as ContractPollStatus,
  PressRule,
  ResultRelease,
} from '../common/contracts.js';
import type { Issued, RecordPoll, RecordSlips } from '../common/ballot.js';

export enum PollStatus {
  Open = 'open',
  Closed = 'closed',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _PollStatusContract = Agree<Difference<`${PollStatus}`, ContractPollStatus>>;

/**
 * One vote on one agenda item. Secret (the default): ballots are encrypted on the tablets to
 * `electionKey`. In tellers mode that key derives from the session's key ceremony and no party
 * alone can decrypt; in custodian mode (an explicit choice for trials) the api process holds the
 * only secret in memory (never in this table), so the operator could decrypt single ballots — it
 * is labelled so everywhere. Open (记名): plain choices.
 */
@Entity({ name: 'polls' })
export class Poll {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sessionId!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  /** The circulated version of the item that is put to the vote. */
  @Column({ type: 'integer' }) itemVersion!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) voteSpec!: VoteSpec;
  @Column({ type: 'boolean' }) secret!: boolean;
  @Column({ type: 'text', nullable: true }) keyMode!: KeyMode | null;
  /** Tellers mode: the session's key ceremony this poll's key derives from (`pollKey`). */
  @Column({ type: 'uuid', nullable: true }) ceremonyId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) electionKey!: object | null;
  @Column({ type: 'text' }) status!: PollStatus;
  @Column({ type: 'jsonb' }) quorumAtOpen!: object;
  @Column({ type: 'timestamptz' }) openedAt!: Date;
  @Column({ type: 'uuid' }) openedBy!: string;
  /** When a preset duration ends (the api then closes the poll itself); null: closed by staff. */
  @Column({ type: 'timestamptz', nullable: true }) closesAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  /** Null when the api closed the poll at the end of its preset duration. */
  @Column({ type: 'uuid', nullable: true }) closedBy!: string | null;
  /** GB 50799 §6.2: first press counts, or last (a ballot may be changed until the close). */
  @Column({ type: 'text', default: 'first' }) pressRule!: PressRule;
  /** GB 50799 §6.2: the result shown at once, or held until the chair releases it. */
  @Column({ type: 'text', default: 'immediate' }) resultRelease!: ResultRelease;
  @Column({ type: 'timestamptz', nullable: true }) releasedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) releasedBy!: string | null;
  /** The decided result (libs/tally) with the rule and numbers, for the minutes. */
  @Column({ type: 'jsonb', nullable: true }) result!: object | null;
  /**
   * The published election record: version 2 (the whole record, assembled at the close) for polls
   * with a board; for polls of an older version, the core of the version 1 record. Not selected
   * by default: a version 2 record holds every ballot (megabytes for a large poll).
   */
  @Column({ type: 'json', nullable: true, select: false }) record!: object | null;
  /** The poll as its record states it (labels, rule, re-cast), fixed at opening (libs/ballot `RecordPoll`). */
  @Column({ type: 'jsonb', nullable: true }) recordPoll!: RecordPoll | null;
  /**
   * 发出: the ballots issued at opening with their voter credentials (libs/ballot `Issued`). In
   * slips mode the credentials are the seats' (who may cast), and the record states the count
   * only (`recordIssued`): the ballot's voter comes from slips nobody recorded the draw of. Not
   * selected by default (2,000 credentials); `issuedCount` has the count, `findWithIssued` reads it.
   */
  @Column({ type: 'jsonb', nullable: true, select: false }) issued!: Issued | null;
  /** `issued.count`, kept by PostgreSQL (a generated column): what poll views show. */
  @Column({ type: 'integer', nullable: true, insert: false, update: false })
  issuedCount!: number | null;
  /** The Ed25519 public key that signs this poll's receipts (hex). */
  @Column({ type: 'text', nullable: true }) boardKey!: string | null;
  /** h_0 of the board's hash chain: binds the poll, its key and the issued credentials. */
  @Column({ type: 'text', nullable: true }) boardGenesis!: string | null;
  /** The chain's head after the last ballot (h_boardSize). */
  @Column({ type: 'text', nullable: true }) boardHead!: string | null;
  /** Ballots on the board. */
  @Column({ type: 'integer', default: 0 }) boardSize!: number;
  /** Serving delegates and those checked in when the poll was closed. */
  @Column({ type: 'jsonb', nullable: true }) electorate!: { total: number; present: number } | null;
  /**
   * The close's board, exclusions and encrypted tally (libs/ballot `prepareClose`), awaiting the
   * decryption. Not selected by default (it holds every ballot).
   */
  @Column({ type: 'json', nullable: true, select: false }) prepared!: object | null;
  /**
   * Ballot slips (投票凭证): the tellers' batches this poll bound at opening (`RecordSlips`), null
   * when it takes none. Not selected by default (every slip's public key); `withSlips` says it.
   */
  @Column({ type: 'jsonb', nullable: true, select: false }) slips!: RecordSlips | null;
  @Column({ type: 'boolean', insert: false, update: false }) withSlips!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

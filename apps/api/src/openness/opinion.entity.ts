import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Rating } from '../common/contracts.js';
import type { OpinionKind } from './openness.enums.js';

/**
 * An opinion from the box (意见箱). Anonymous: no author id and no name, and for every opinion
 * only the day it came in (the database refuses an anonymous row with an author).
 */
@Entity({ name: 'openness_opinions' })
export class OpennessOpinion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  @Column({ type: 'text' }) kind!: OpinionKind;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ type: 'text', nullable: true }) rating!: Rating | null;
  @Column({ type: 'boolean' }) anonymous!: boolean;
  @Column({ type: 'uuid', nullable: true }) authorUserId!: string | null;
  @Column({ type: 'text', nullable: true }) authorName!: string | null;
  @Column({ type: 'date' }) receivedOn!: string;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) answeredBy!: string | null;
}

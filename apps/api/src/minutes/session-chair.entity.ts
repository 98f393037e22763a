import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The presiding chairs (执行主席) a session names: presidium members, in order. */
@Entity({ name: 'session_chairs' })
export class SessionChair {
  @PrimaryColumn({ type: 'uuid' }) sessionId!: string;
  @PrimaryColumn({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text' }) title!: string;
}

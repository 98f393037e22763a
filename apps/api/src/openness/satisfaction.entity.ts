import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The poll staff chose as a year's 满意度测评 of 厂务公开 work (one per year). */
@Entity({ name: 'openness_satisfaction' })
export class OpennessSatisfaction {
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'uuid' }) pollId!: string;
  @Column({ type: 'timestamptz' }) linkedAt!: Date;
  @Column({ type: 'uuid' }) linkedBy!: string;
}

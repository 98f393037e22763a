import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 代表团/组: delegates of one electoral unit, with a head (团长/组长). */
@Entity({ name: 'delegation_groups' })
export class DelegationGroup {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'uuid', nullable: true }) headDelegateId!: string | null;
  @Column({ type: 'integer', default: 0 }) sortOrder!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

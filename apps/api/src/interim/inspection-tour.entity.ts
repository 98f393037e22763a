import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 职工代表巡视检查: delegates of a term visiting workplaces between sessions. */
@Entity({ name: 'inspection_tours' })
export class InspectionTour {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) termId!: string;
  @Column({ type: 'text' }) topic!: string;
  @Column({ type: 'text' }) places!: string;
  /** Shanghai calendar day, `YYYY-MM-DD`. */
  @Column({ type: 'date' }) heldOn!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A delegate on a tour; the name is copied when added. */
@Entity({ name: 'inspection_tour_members' })
export class InspectionTourMember {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) tourId!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'text' }) name!: string;
}

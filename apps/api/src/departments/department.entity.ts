import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 承办部门: answers the proposals assigned to it, through its department users. */
@Entity({ name: 'departments' })
export class Department {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

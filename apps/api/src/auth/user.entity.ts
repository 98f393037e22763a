import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '../users/role.enum.js';

/**
 * An account: staff, secretaries, delegates' tablets, departments, the admin. The auth module owns
 * this table (with access_tokens): every request resolves its token to the account in one query.
 * Other modules reach accounts through AccountsService.
 */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-case; unique. */
  @Column({ type: 'text' }) username!: string;
  @Column({ type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: Role;
  /** argon2id; null for an account that has never set a password (e.g. a delegate on a log-in code). */
  @Column({ type: 'text', nullable: true }) passwordHash!: string | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @Column({ type: 'boolean', default: false }) mustChangePassword!: boolean;
  /** For role `department`: the department the user answers for. */
  @Column({ type: 'uuid', nullable: true }) departmentId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A printed 代表证: the hash of its code; printing the seat's card again revokes this one. */
@Entity({ name: 'delegate_cards' })
export class DelegateCard {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) delegateId!: string;
  @Column({ type: 'text' }) codeHash!: string;
  @Column({ type: 'uuid', nullable: true }) issuedBy!: string | null;
  @Column({ type: 'timestamptz' }) issuedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An employee's account (role `employee`, username `emp-<工号>`) and the unit they work in. */
@Entity({ name: 'openness_employees' })
export class OpennessEmployee {
  @PrimaryColumn('uuid') userId!: string;
  @Column({ type: 'text' }) employeeNumber!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'uuid' }) unitId!: string;
}

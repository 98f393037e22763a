import { ApiProperty } from '@nestjs/swagger';
import type { Department } from '../department.entity.js';

export class DepartmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;

  static of(d: Department): DepartmentResponse {
    return { id: d.id, name: d.name };
  }
}

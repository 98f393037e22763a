import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OmitType } from '@nestjs/swagger';
import { CreateUserDto } from '../../users/dto/create-user.dto.js';
import type { Department } from '../department.entity.js';

export class CreateDepartmentDto {
  @ApiProperty({ example: '人力资源部' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
}

/** A department user answers proposals for that department; the role is implied. */
export class CreateDepartmentUserDto extends OmitType(CreateUserDto, ['role'] as const) {}

export class DepartmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;

  static of(d: Department): DepartmentResponse {
    return { id: d.id, name: d.name };
  }
}

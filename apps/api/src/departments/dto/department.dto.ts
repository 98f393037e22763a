import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CreateUserDto } from '../../users/dto/create-user.dto.js';
import { IsPlainName } from '../../common/validators.js';

export class CreateDepartmentDto {
  @ApiProperty({ example: '人力资源部' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsPlainName()
  name!: string;
}

/** A department user answers proposals for that department; the role is implied. */
export class CreateDepartmentUserDto extends OmitType(CreateUserDto, ['role'] as const) {}

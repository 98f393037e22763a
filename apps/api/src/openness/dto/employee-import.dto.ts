import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class EmployeeImportQuery {
  /** `true` (the default) checks the file and imports nothing. */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  dryRun = true;
}

class EmployeeImportProblemResponse {
  @ApiProperty({ nullable: true, type: Number }) row!: number | null;
  @ApiProperty({ nullable: true, type: String }) column!: string | null;
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

class EmployeeImportAddedResponse {
  @ApiProperty() row!: number;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unitName!: string;
}

class EmployeeImportChangedResponse {
  @ApiProperty() row!: number;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], example: ['单位：一车间 → 二车间'] }) changes!: string[];
}

class EmployeeFirstPasswordResponse {
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'emp-a1024' }) username!: string;
  @ApiProperty({ description: 'shown this once; changed at the first log-in' })
  firstPassword!: string;
}

export class EmployeeImportResultResponse {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() valid!: boolean;
  @ApiProperty() rows!: number;
  @ApiProperty({ type: [EmployeeImportAddedResponse] }) added!: EmployeeImportAddedResponse[];
  @ApiProperty({ type: [EmployeeImportChangedResponse] })
  changed!: EmployeeImportChangedResponse[];
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [EmployeeImportProblemResponse] })
  problems!: EmployeeImportProblemResponse[];
  @ApiProperty({ type: [EmployeeFirstPasswordResponse] })
  created!: EmployeeFirstPasswordResponse[];
}

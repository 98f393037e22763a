import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { RATINGS, type Rating } from '../../common/contracts.js';
import { IsPlainName } from '../../common/validators.js';
import { IsNewPassword } from '../../auth/dto/password.dto.js';
import {
  OpennessCategory,
  OpennessForm,
  OpennessTiming,
  OpinionKind,
  UnitLevel,
} from '../openness.enums.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A real calendar day `YYYY-MM-DD` (Asia/Shanghai). */
export function IsDay() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDay',
      target: target.constructor,
      propertyName,
      options: { message: '应为日期，如 2026-12-25' },
      validator: {
        validate: (v: unknown) =>
          typeof v === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(v) &&
          !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
          new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      },
    });
}

/** Required text: trimmed, not empty, at most `max` characters. */
function Text(max: number) {
  return (target: object, key: string) => {
    Transform(trim)(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(max)(target, key);
  };
}

export class CreateUnitDto {
  @ApiProperty({ example: '二车间' }) @Text(100) @IsPlainName() name!: string;
  @ApiProperty({ enum: UnitLevel }) @IsEnum(UnitLevel) level!: UnitLevel;
  @ApiPropertyOptional({
    description: 'none for the company; the company for a workshop or office',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class CreateEmployeeDto {
  @ApiProperty({ description: '工号', example: 'A1024' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, {
    message: '工号只能由字母、数字、- 和 _ 组成（不超过 32 位）',
  })
  employeeNumber!: string;
  @ApiProperty({ example: '王芳' }) @Text(50) @IsPlainName() name!: string;
  @ApiProperty() @IsUUID() unitId!: string;
  /** Held to the same strength check as every new password: it works until it is changed. */
  @IsNewPassword()
  @ApiProperty({ description: 'first password, changed at the first log-in' })
  password!: string;
}

export class CreatePlanEntryDto {
  @ApiProperty({ example: 2027 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(12) month!: number;
  @ApiProperty() @IsUUID() unitId!: string;
  @ApiProperty({ enum: OpennessCategory }) @IsEnum(OpennessCategory) category!: OpennessCategory;
  @ApiProperty({ example: '一季度业务招待费使用情况' }) @Text(200) title!: string;
  @ApiProperty({ description: '责任部门' }) @IsUUID() departmentId!: string;
}

export class YearQuery {
  @ApiProperty({ example: 2027 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}

/** 提出: a department's draft. */
export class CreateItemDto {
  @ApiProperty({ example: '2027年一季度业务招待费使用情况' }) @Text(200) title!: string;
  @ApiProperty({ description: '公开内容' }) @Text(20000) body!: string;
  @ApiProperty({ enum: OpennessCategory }) @IsEnum(OpennessCategory) category!: OpennessCategory;
  @ApiPropertyOptional({ description: "required with `other`: the enterprise's own category" })
  @ValidateIf((o: CreateItemDto) => o.category === OpennessCategory.Other)
  @Text(50)
  categoryLabel?: string;
  @ApiProperty() @IsUUID() unitId!: string;
  @ApiProperty({ enum: OpennessTiming }) @IsEnum(OpennessTiming) timing!: OpennessTiming;
  @ApiPropertyOptional({ description: 'periodic: the annual plan line this item fulfils' })
  @ValidateIf((o: CreateItemDto) => o.timing === OpennessTiming.Periodic)
  @IsUUID()
  planEntryId?: string;
  @ApiPropertyOptional({ description: 'event: the day of the event', example: '2026-11-18' })
  @ValidateIf((o: CreateItemDto) => o.timing === OpennessTiming.Event)
  @IsDay()
  eventOn?: string;
  @ApiPropertyOptional({ description: 'event: published within this many days', example: 7 })
  @ValidateIf((o: CreateItemDto) => o.timing === OpennessTiming.Event)
  @IsInt()
  @Min(0)
  @Max(365)
  withinDays?: number;
  @ApiProperty({ description: '责任人', example: '李明' })
  @Text(50)
  @IsPlainName()
  responsiblePerson!: string;
}

export class UpdateItemDto extends PartialType(CreateItemDto) {}

/** 审查 passed: the leading group fixes when, to whom and how. */
export class ApproveItemDto {
  @ApiProperty({ example: '2026-11-21' }) @IsDay() publishFrom!: string;
  @ApiProperty({ example: '2026-12-05' }) @IsDay() publishUntil!: string;
  @ApiProperty({ description: '公开范围', example: '全体职工' }) @Text(200) scope!: string;
  @ApiProperty({ enum: OpennessForm }) @IsEnum(OpennessForm) form!: OpennessForm;
  @ApiPropertyOptional({ description: "the leading group's note" })
  @IsOptional()
  @Text(2000)
  note?: string;
}

export class ReturnItemDto {
  @ApiProperty({ description: '退回理由' }) @Text(2000) reason!: string;
}

export class CloseItemDto {
  @ApiProperty({ description: '办理结果' }) @Text(2000) outcome!: string;
}

/** 意见箱: a comment, a question (answered and published back) or a rating. */
export class OpinionDto {
  @ApiProperty({ enum: OpinionKind }) @IsEnum(OpinionKind) kind!: OpinionKind;
  @ApiPropertyOptional({ description: 'the text; optional with a rating' })
  @ValidateIf((o: OpinionDto) => o.kind !== OpinionKind.Rating || o.body !== undefined)
  @Text(2000)
  body?: string;
  @ApiPropertyOptional({
    enum: RATINGS,
    description: 'required with kind rating, ignored otherwise',
  })
  @ValidateIf((o: OpinionDto) => o.kind === OpinionKind.Rating)
  @IsIn(RATINGS)
  rating?: Rating;
  @ApiProperty({ description: 'true: no name or account is stored with the opinion' })
  @IsBoolean()
  anonymous!: boolean;
}

export class AnswerOpinionDto {
  @ApiProperty() @Text(5000) answer!: string;
}

export class CreateMeasureDto {
  @ApiProperty({ description: '整改措施' }) @Text(2000) description!: string;
  @ApiProperty({ description: '责任人' }) @Text(50) @IsPlainName() ownerName!: string;
  @ApiProperty({ description: '责任部门' }) @IsUUID() departmentId!: string;
  @ApiProperty({ example: '2026-12-20' }) @IsDay() dueOn!: string;
  @ApiPropertyOptional({ description: 'the opinion this answers' })
  @IsOptional()
  @IsUUID()
  opinionId?: string;
}

export class MeasureDoneDto {
  @ApiProperty({ description: '整改结果' }) @Text(2000) result!: string;
}

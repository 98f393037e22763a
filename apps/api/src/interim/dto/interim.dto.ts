import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { AgendaItemKind } from '../../agenda/index.js';
import { IsPlainName } from '../../common/validators.js';
import { FindingStatus } from '../finding-status.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Required text: trimmed, not empty, at most `max` characters. */
function Text(max: number) {
  return (target: object, key: string) => {
    Transform(trim)(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(max)(target, key);
  };
}

/** A calendar day `YYYY-MM-DD` (Asia/Shanghai). */
function Day() {
  return (target: object, key: string) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '应为日期，如 2026-12-25' })(target, key);
    IsISO8601({ strict: true }, { message: '应为日期，如 2026-12-25' })(target, key);
  };
}

export class CreateJointMeetingDto {
  @ApiProperty({ example: '2026-09-15', description: '召开日期（北京时间）' })
  @Day()
  heldOn!: string;
  @ApiProperty({ example: '工会三楼会议室' }) @Text(200) @IsPlainName() place!: string;
  @ApiProperty({ example: '讨论职工食堂改造方案' }) @Text(200) topic!: string;
}

export class AddCommitteeHeadDto {
  @ApiProperty({ description: '本届在任代表的席位' }) @IsUUID() delegateId!: string;
  @ApiProperty({ example: '提案审查委员会', description: '专门委员会名称' })
  @Text(100)
  @IsPlainName()
  committee!: string;
}

export class SetPresenceDto {
  @ApiProperty() @IsBoolean() present!: boolean;
}

export class AddJointItemDto {
  @ApiProperty({
    enum: AgendaItemKind,
    description: '选举、民主评议、审议通过为职代会全体会议保留事项，联席会议不得处理',
  })
  @IsEnum(AgendaItemKind)
  kind!: AgendaItemKind;
  @ApiProperty({ example: '食堂改造方案意见' }) @Text(200) title!: string;
  @ApiPropertyOptional({ description: '处理结果' })
  @IsOptional()
  @Text(5000)
  outcome?: string;
}

export class JointRecordDto {
  @ApiProperty({ description: '会议纪要' })
  @Transform(trim)
  @IsString()
  @MaxLength(20000)
  record!: string;
}

export class ConfirmItemDto {
  @ApiProperty({ description: '确认该决定的本届职代会会议' }) @IsUUID() sessionId!: string;
}

export class CreateTourDto {
  @ApiProperty({ example: '夏季防暑降温措施落实情况' }) @Text(200) topic!: string;
  @ApiProperty({ example: '一车间、二车间、职工食堂' }) @Text(500) places!: string;
  @ApiProperty({ example: '2026-07-10' }) @Day() heldOn!: string;
  @ApiProperty({ type: [String], description: '参加巡视的本届代表' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  delegateIds!: string[];
}

export class CreateFindingDto {
  @ApiProperty({ example: '二车间休息室空调损坏' }) @Text(2000) text!: string;
  @ApiProperty({ description: '责任部门' }) @IsUUID() departmentId!: string;
  @ApiProperty({ example: '2026-07-31', description: '整改期限' }) @Day() deadline!: string;
}

export class FindingProgressDto {
  @ApiProperty({ enum: [FindingStatus.InHand, FindingStatus.Done] })
  @IsIn([FindingStatus.InHand, FindingStatus.Done])
  status!: FindingStatus.InHand | FindingStatus.Done;
  @ApiProperty({ example: '已更换空调，7 月 20 日恢复使用' }) @Text(5000) answer!: string;
}

import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { SessionsService } from '../congress/sessions.service.js';
import { Role } from '../users/role.enum.js';
import { AttendanceService } from './attendance.service.js';
import { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
import { CardCheckInDto, RecordAttendanceDto } from './dto/attendance.dto.js';
import {
  AttendanceRowResponse,
  AttendanceSummaryResponse,
  CardCheckInResponse,
} from './dto/attendance.responses.js';
import { ApiErrors } from '../openapi/api-responses.js';

@ApiTags('attendance')
@ApiErrors(HttpStatus.CONFLICT)
@Controller('sessions/:sessionId')
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly sessions: SessionsService,
  ) {}

  /** Counts and quorum, for everyone following the session (no names, no reasons). */
  @Get('attendance/summary')
  @ApiOperation({ summary: '签到人数与法定人数 · Attendance summary' })
  @ApiOkResponse({ type: AttendanceSummaryResponse })
  async summary(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<AttendanceSummaryResponse> {
    if (!(await this.attendance.mayJoin(sessionId, auth)))
      throw new AttendanceException(AttendanceErrorCode.NoSeat);
    return this.attendance.summary(sessionId);
  }

  /** Everyone's attendance with reasons (staff and secretaries). */
  @Get('attendance')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '逐人出席情况（含请假理由） · Attendance list' })
  @ApiOkResponse({ type: [AttendanceRowResponse] })
  async list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<AttendanceRowResponse[]> {
    return this.attendance.rows(await this.sessions.get(sessionId));
  }

  @Post('check-in')
  @HttpCode(200)
  @Roles(Role.Delegate, Role.Attendee)
  @ApiOperation({ summary: '平板签到 · Check in' })
  @ApiOkResponse({ type: AttendanceSummaryResponse })
  checkIn(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<AttendanceSummaryResponse> {
    return this.attendance.checkIn(sessionId, auth);
  }

  /** Staff at the door scan a delegate's 代表证 (or type its 证号): the same rule as the tablet's. */
  @Post('attendance/card')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '入场扫描代表证签到 · Check in by delegate card' })
  @ApiOkResponse({ type: CardCheckInResponse })
  @ApiErrors(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST)
  checkInByCard(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: CardCheckInDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<CardCheckInResponse> {
    return this.attendance.checkInByCard(sessionId, dto.code, auth);
  }

  @Post('attendance/:delegateId')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '工作人员代为签到或登记缺席 · Record attendance' })
  @ApiOkResponse({ type: AttendanceSummaryResponse })
  record(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('delegateId', ParseUUIDPipe) delegateId: string,
    @Body() dto: RecordAttendanceDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<AttendanceSummaryResponse> {
    return this.attendance.record(sessionId, delegateId, dto.status, dto.reason, auth);
  }
}

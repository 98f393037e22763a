import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { SessionsService } from '../congress/sessions.service.js';
import { Role } from '../users/role.enum.js';
import {
  type AttendanceRow,
  AttendanceService,
  type AttendanceSummary,
} from './attendance.service.js';
import { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
import { RecordAttendanceDto } from './dto/attendance.dto.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('sessions/:sessionId')
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly sessions: SessionsService,
  ) {}

  /** Counts and quorum, for everyone following the session (no names, no reasons). */
  @Get('attendance/summary')
  async summary(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<AttendanceSummary> {
    if (!(await this.attendance.mayJoin(sessionId, auth)))
      throw new AttendanceException(AttendanceErrorCode.NoSeat);
    return this.attendance.summary(sessionId);
  }

  /** Everyone's attendance with reasons (staff and secretaries). */
  @Get('attendance')
  @Roles(Role.Staff, Role.Secretary)
  async list(@Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<AttendanceRow[]> {
    return this.attendance.rows(await this.sessions.get(sessionId));
  }

  @Post('check-in')
  @HttpCode(200)
  @Roles(Role.Delegate, Role.Attendee)
  checkIn(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<AttendanceSummary> {
    return this.attendance.checkIn(sessionId, auth);
  }

  @Post('attendance/:delegateId')
  @HttpCode(200)
  @Roles(Role.Staff)
  record(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('delegateId', ParseUUIDPipe) delegateId: string,
    @Body() dto: RecordAttendanceDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<AttendanceSummary> {
    return this.attendance.record(sessionId, delegateId, dto.status, dto.reason, auth);
  }
}

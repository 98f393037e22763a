import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CongressModule } from '../congress/congress.module.js';
import { Attendance } from './attendance.entity.js';
import { PresenceService } from './presence.service.js';

/**
 * The part of 签到 that the roster asks about. AttendanceModule imports the roster (seats,
 * 代表证, groups), so the roster cannot import AttendanceModule without a cycle; this module
 * reads the same attendance table and imports no roster.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Attendance]), CongressModule],
  providers: [PresenceService],
  exports: [PresenceService],
})
export class PresenceModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CongressModule } from '../congress/congress.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { AttendanceController } from './attendance.controller.js';
import { Attendance } from './attendance.entity.js';
import { AttendanceGateway } from './attendance.gateway.js';
import { AttendanceService } from './attendance.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Attendance]), CongressModule, RosterModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, AttendanceGateway],
  exports: [AttendanceService],
})
export class AttendanceModule {}

import { Module } from '@nestjs/common';
import { CongressModule } from '../congress/congress.module.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceGateway } from './attendance.gateway.js';
import { AttendanceService } from './attendance.service.js';

@Module({
  imports: [CongressModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, AttendanceGateway],
  exports: [AttendanceService],
})
export class AttendanceModule {}

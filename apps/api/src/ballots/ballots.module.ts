import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { BallotsGateway } from './ballots.gateway.js';
import { BoardService } from './board.service.js';
import { CastService } from './cast.service.js';
import { PollsController } from './polls.controller.js';
import { PollsService } from './polls.service.js';
import { TallyService } from './tally.service.js';

@Module({
  imports: [CongressModule, AgendaModule, AttendanceModule],
  controllers: [PollsController],
  providers: [PollsService, CastService, TallyService, BoardService, BallotsGateway],
  exports: [PollsService],
})
export class BallotsModule {}

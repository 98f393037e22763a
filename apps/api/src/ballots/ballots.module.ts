import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/agenda.module.js';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { BallotsGateway } from './ballots.gateway.js';
import { BoardKeyService } from './board-key.service.js';
import { BoardService } from './board.service.js';
import { CastService } from './cast.service.js';
import { CastVerifier } from './cast-verifier.service.js';
import { BallotsClose } from './close.service.js';
import { CustodianDecryptor } from './custodian-decryptor.js';
import { Poll } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { PollDecryptor } from './poll-decryptor.js';
import { PollsController } from './polls.controller.js';
import { PollsService } from './polls.service.js';
import { PollTimer } from './poll-timer.service.js';
import { PublicResultsController } from './public-results.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Poll, PollBallot]),
    CongressModule,
    AgendaModule,
    AttendanceModule,
    RosterModule,
  ],
  controllers: [PollsController, PublicResultsController],
  providers: [
    PollsService,
    CastService,
    CastVerifier,
    BoardKeyService,
    BallotsClose,
    // Today's key source; the tellers' decryption replaces this one binding (docs/architecture.md).
    { provide: PollDecryptor, useClass: CustodianDecryptor },
    BoardService,
    BallotsGateway,
    PollTimer,
  ],
  exports: [PollsService, BallotsClose, BoardService],
})
export class BallotsModule {}

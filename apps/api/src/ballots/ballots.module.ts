import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/agenda.module.js';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { BallotsGateway } from './ballots.gateway.js';
import { BoardKeyService } from './board-key.service.js';
import { BoardService } from './board.service.js';
import { PollViews } from './poll-views.js';
import { PollStates } from './poll-states.js';
import { LightClose } from './light-close.js';
import { CastService } from './cast.service.js';
import { CastVerifier } from './cast-verifier.service.js';
import { RunningSums } from './running-sums.js';
import { BallotsClose } from './close.service.js';
import { TellersModule } from '../tellers/index.js';
import { DecryptionController } from './decryption.controller.js';
import { DecryptionService } from './decryption.service.js';
import { PollPartial } from './poll-partial.entity.js';
import { TellersDecryptor } from './tellers-decryptor.js';
import { CustodianDecryptor } from './custodian-decryptor.js';
import { CustodianKeys } from './custodian-keys.service.js';
import { KeyModeDecryptor } from './key-mode-decryptor.js';
import { Poll } from './poll.entity.js';
import { PollBallot } from './poll-ballot.entity.js';
import { PollDecryptor } from './poll-decryptor.js';
import { PollsController } from './polls.controller.js';
import { PollsService } from './polls.service.js';
import { PollTimer } from './poll-timer.service.js';
import { PublicResultsController } from './public-results.controller.js';
import { PresidiumController } from './presidium.controller.js';
import { ResultRelease } from './release.service.js';
import { ChairPolls } from './chair.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Poll, PollBallot, PollPartial]),
    CongressModule,
    AgendaModule,
    AttendanceModule,
    RosterModule,
    TellersModule,
  ],
  controllers: [
    PollsController,
    PublicResultsController,
    DecryptionController,
    PresidiumController,
  ],
  providers: [
    PollsService,
    CastService,
    CastVerifier,
    RunningSums,
    BoardKeyService,
    BallotsClose,
    // The seam (docs/architecture.md): tellers' partials, or the custodian key in this process.
    CustodianKeys,
    CustodianDecryptor,
    DecryptionService,
    TellersDecryptor,
    { provide: PollDecryptor, useClass: KeyModeDecryptor },
    BoardService,
    PollViews,
    PollStates,
    LightClose,
    BallotsGateway,
    PollTimer,
    ResultRelease,
    ChairPolls,
  ],
  exports: [PollsService, BallotsClose, BoardService],
})
export class BallotsModule {}

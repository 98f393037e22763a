import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { CeremoniesController } from './ceremonies.controller.js';
import { CeremoniesService } from './ceremonies.service.js';
import { CeremonyMessage } from './ceremony-message.entity.js';
import { CeremonyTeller } from './ceremony-teller.entity.js';
import { SlipBatchRow } from './slip-batch.entity.js';
import { SlipsController } from './slips.controller.js';
import { SlipsService } from './slips.service.js';
import { TellerCeremony } from './teller-ceremony.entity.js';

/**
 * 监票人: the session's key ceremony, relayed and checked (no secret on the server). The ballots
 * module binds each tellers-mode poll to the ready ceremony's key and collects the tellers'
 * partial decryptions at the close (ballots/tellers-decryptor.ts, behind its PollDecryptor seam).
 * The tellers also upload their ballot slips' public keys (投票凭证), which a slips poll binds.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TellerCeremony, CeremonyTeller, CeremonyMessage, SlipBatchRow]),
    CongressModule,
    RosterModule,
    AuthModule,
  ],
  controllers: [CeremoniesController, SlipsController],
  providers: [CeremoniesService, SlipsService],
  exports: [CeremoniesService, SlipsService],
})
export class TellersModule {}

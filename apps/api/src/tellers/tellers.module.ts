import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { CongressModule } from '../congress/congress.module.js';
import { CeremoniesController } from './ceremonies.controller.js';
import { CeremoniesService } from './ceremonies.service.js';
import { CeremonyMessage } from './ceremony-message.entity.js';
import { CeremonyTeller } from './ceremony-teller.entity.js';
import { TellerCeremony } from './teller-ceremony.entity.js';

/**
 * 监票人: the session's key ceremony, relayed and checked (no secret on the server). The ballots
 * module binds each tellers-mode poll to the ready ceremony's key and collects the tellers'
 * partial decryptions at the close (ballots/tellers-decryptor.ts, behind its PollDecryptor seam).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TellerCeremony, CeremonyTeller, CeremonyMessage]),
    CongressModule,
    AuthModule,
  ],
  controllers: [CeremoniesController],
  providers: [CeremoniesService],
  exports: [CeremoniesService],
})
export class TellersModule {}

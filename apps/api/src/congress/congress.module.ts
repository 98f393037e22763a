import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CongressSession } from './congress-session.entity.js';
import { SessionsController } from './sessions.controller.js';
import { SessionStatusChange } from './session-status-change.entity.js';
import { SessionsService } from './sessions.service.js';
import { Term } from './term.entity.js';
import { TermsController } from './terms.controller.js';
import { TermsService } from './terms.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Term, CongressSession, SessionStatusChange])],
  controllers: [TermsController, SessionsController],
  providers: [TermsService, SessionsService],
  exports: [TermsService, SessionsService],
})
export class CongressModule {}

import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';
import { TermsController } from './terms.controller.js';
import { TermsService } from './terms.service.js';

@Module({
  controllers: [TermsController, SessionsController],
  providers: [TermsService, SessionsService],
  exports: [TermsService, SessionsService],
})
export class CongressModule {}

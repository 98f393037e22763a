import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { AfterAnswerInterceptor } from './after-answer.js';
import { RealtimeService } from './realtime.service.js';
import { SystemGateway } from './system.gateway.js';

@Global()
@Module({
  imports: [AuthModule],
  providers: [
    SystemGateway,
    RealtimeService,
    { provide: APP_INTERCEPTOR, useClass: AfterAnswerInterceptor },
  ],
  exports: [RealtimeService],
})
export class RealtimeModule {}

import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RealtimeService } from './realtime.service.js';
import { SystemGateway } from './system.gateway.js';

@Global()
@Module({
  imports: [AuthModule],
  providers: [SystemGateway, RealtimeService],
  exports: [RealtimeService],
})
export class RealtimeModule {}

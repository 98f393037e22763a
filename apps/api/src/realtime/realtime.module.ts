import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SystemGateway } from './system.gateway.js';

@Module({ imports: [AuthModule], providers: [SystemGateway] })
export class RealtimeModule {}

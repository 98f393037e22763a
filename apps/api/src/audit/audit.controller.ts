import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { AuditService } from './audit.service.js';
import { AuditEntryResponse } from './dto/audit.responses.js';
import { ListAuditQuery } from './dto/list-audit.dto.js';

@ApiTags('audit')
@Roles(Role.Admin)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: '审计日志（最新在前） · Audit log' })
  @ApiOkResponse({ type: [AuditEntryResponse] })
  async list(@Query() q: ListAuditQuery): Promise<AuditEntryResponse[]> {
    return (await this.audit.list(q.limit, q.before)).map(AuditEntryResponse.of);
  }
}

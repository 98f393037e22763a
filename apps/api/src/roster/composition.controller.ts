import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CompositionService, type TermComposition } from './composition.service.js';

class CompositionQuery {
  /** The session whose workforce figures to use; default: the term's latest session. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
}

@ApiTags('roster')
@ApiBearerAuth()
@Controller()
export class CompositionController {
  constructor(private readonly composition: CompositionService) {}

  /** Each roster rule (docs/rules.md): pass, warning or violation, with the numbers behind it. */
  @Get('terms/:termId/composition')
  @Roles(Role.Staff, Role.Secretary)
  report(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: CompositionQuery,
  ): Promise<TermComposition> {
    return this.composition.report(termId, q.sessionId);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CompositionService } from './composition.service.js';
import { CompositionQuery } from './dto/roster-files.dto.js';
import { CompositionResponse } from './dto/roster.responses.js';

@ApiTags('roster')
@Controller()
export class CompositionController {
  constructor(private readonly composition: CompositionService) {}

  /** Each roster rule (docs/rules.md): pass, warning or violation, with the numbers behind it. */
  @Get('terms/:termId/composition')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '代表构成检查（人数、比例、主席团） · Roster composition' })
  @ApiOkResponse({ type: CompositionResponse })
  report(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: CompositionQuery,
  ): Promise<CompositionResponse> {
    return this.composition.report(termId, q.sessionId);
  }
}

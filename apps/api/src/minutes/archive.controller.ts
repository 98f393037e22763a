import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiFileResponse } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { ArchiveService, RETENTION_RULE } from './archive.service.js';
import {
  ArchiveEntryResponse,
  ArchiveListResponse,
  ArchiveStatusResponse,
} from './dto/minutes.responses.js';

/** The archive export file (congress-archive v1), as `npm run verify-archive` reads it. */
const ARCHIVE_JSON = 'application/vnd.congress-archive+json';

/** The permanent archive: entries, its verification now, and the export verify-archive reads. */
@ApiTags('archive')
@Roles(Role.Staff, Role.Secretary, Role.Admin)
@Controller('archive')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Get()
  @ApiOperation({ summary: '档案条目（永久保存） · Archive' })
  @ApiOkResponse({ type: ArchiveListResponse })
  async list(): Promise<ArchiveListResponse> {
    return {
      retention: RETENTION_RULE,
      entries: (await this.archive.list()).map((e) => ArchiveEntryResponse.of(e)),
    };
  }

  /** Walks the whole chain with the contents and signatures now (四性: 真实性、完整性、可用性、安全性). */
  @Get('status')
  @ApiOperation({ summary: '档案验证状态（四性检测） · Archive status' })
  @ApiOkResponse({ type: ArchiveStatusResponse })
  async status(): Promise<ArchiveStatusResponse> {
    const { retention, report } = await this.archive.status();
    return ArchiveStatusResponse.of(retention, report);
  }

  @Get('export')
  @ApiOperation({ summary: '导出整个档案（供 npm run verify-archive 离线验证） · Export archive' })
  @ApiFileResponse(ARCHIVE_JSON)
  async export(@Res() res: Response): Promise<void> {
    const body = JSON.stringify(await this.archive.export());
    res.setHeader('Cache-Control', 'no-store');
    res.type(ARCHIVE_JSON);
    res.attachment('archive.json');
    res.send(body);
  }
}

import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { singleFileUpload, type UploadedFileData } from '../common/upload.js';
import { Role } from '../users/role.enum.js';
import { MAX_FILE_BYTES } from './import/index.js';
import { RosterErrorCode, RosterException } from './roster.exception.js';
import { RosterFilesService } from './roster-files.service.js';
import { RosterImportService } from './roster-import.service.js';
import { ImportQuery } from './dto/roster-files.dto.js';
import { ImportResultResponse } from './dto/roster.responses.js';
import { ApiErrors, ApiFileResponse, CSV, XLSX } from '../openapi/api-responses.js';
import { ExportFormatQuery } from '../common/dto/export-format.dto.js';

@ApiTags('roster')
@Controller('terms/:termId/roster')
export class RosterFilesController {
  constructor(
    private readonly importer: RosterImportService,
    private readonly files: RosterFilesService,
  ) {}

  /**
   * XLSX or CSV (UTF-8 with or without BOM, or GBK). Onto an existing roster the import is an
   * update matched by 工号; the dry run (the default) shows every problem and the difference.
   * Send `dryRun=false` to import.
   */
  @Post('import')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiOperation({ summary: '导入代表名册（XLSX/CSV，默认只预演） · Import roster' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: ImportResultResponse })
  @ApiErrors(HttpStatus.CONFLICT, HttpStatus.PAYLOAD_TOO_LARGE)
  @UseInterceptors(FileInterceptor('file', singleFileUpload(MAX_FILE_BYTES)))
  import(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: ImportQuery,
    @UploadedFile() file: UploadedFileData | undefined,
    @CurrentUser() actor: AuthContext,
  ): Promise<ImportResultResponse> {
    if (!file) throw new RosterException(RosterErrorCode.ImportFileMissing);
    return this.importer.import(termId, file, { dryRun: q.dryRun, absent: q.absent }, actor);
  }

  /** An empty roster spreadsheet with the term's groups in a drop-down. */
  @Get('template')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '下载名册模板（XLSX） · Roster template' })
  @ApiFileResponse(XLSX)
  async template(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Res() res: Response,
  ): Promise<void> {
    res
      .type(XLSX)
      .attachment('roster-template.xlsx')
      .send(await this.files.template(termId));
  }

  /** The whole roster of the term, every status, in the import layout (it re-imports). */
  @Get('export')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '导出代表名册（XLSX 或 CSV，可再导入） · Export roster' })
  @ApiFileResponse(XLSX, CSV)
  async export(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Query() q: ExportFormatQuery,
    @Res() res: Response,
  ): Promise<void> {
    const format = q.format ?? 'xlsx';
    res
      .type(format === 'csv' ? CSV : XLSX)
      .attachment(`roster.${format}`)
      .send(await this.files.export(termId, format));
  }
}

import {
  Body,
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
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { singleFileUpload, type UploadedFileData } from '../common/upload.js';
import { MAX_ROSTER_FILE_BYTES } from '../roster/index.js';
import { EmployeeImportQuery, EmployeeImportResultResponse } from './dto/employee-import.dto.js';
import { EmployeeImportService } from './employee-import.service.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import type { Response } from 'express';
import { ApiErrors, ApiFileResponse, XLSX } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import {
  CreateEmployeeDto,
  CreatePlanEntryDto,
  CreateUnitDto,
  YearQuery,
} from './dto/openness.dto.js';
import {
  EmployeeResponse,
  PlanDashboardResponse,
  PlanLineResponse,
  RecordResponse,
  ReminderSentResponse,
  UnitResponse,
} from './dto/openness.responses.js';
import { PlanService } from './plan.service.js';
import { recordsWorkbook } from './records-workbook.js';
import { RemindersService } from './reminders.service.js';
import { RecordsService } from './records.service.js';
import { UnitsService } from './units.service.js';

/** The set-up of 厂务公开 (staff): the unit tree, employees' accounts, the annual plan, the records. */
@ApiTags('openness')
@Roles(Role.Staff)
@Controller('openness')
export class OpennessSetupController {
  constructor(
    private readonly units: UnitsService,
    private readonly plan: PlanService,
    private readonly recordForms: RecordsService,
    private readonly importer: EmployeeImportService,
    private readonly reminders: RemindersService,
  ) {}

  @Get('units')
  @Roles(Role.Staff, Role.Department, Role.Supervisor)
  @ApiOperation({ summary: '公开单位（公司、车间、科室、班组） · Units' })
  @ApiOkResponse({ type: [UnitResponse] })
  async listUnits(): Promise<UnitResponse[]> {
    return (await this.units.list()).map(UnitResponse.of);
  }

  @Post('units')
  @Audited('openness.unit.create')
  @ApiErrors(HttpStatus.CONFLICT)
  @ApiOperation({ summary: '新建单位 · Create unit' })
  @ApiCreatedResponse({ type: UnitResponse })
  async createUnit(@Body() dto: CreateUnitDto): Promise<UnitResponse> {
    return UnitResponse.of(await this.units.create(dto));
  }

  @Get('employees')
  @ApiOperation({ summary: '职工账号 · Employees' })
  @ApiOkResponse({ type: [EmployeeResponse] })
  async listEmployees(): Promise<EmployeeResponse[]> {
    return (await this.units.listEmployees()).map((e) =>
      EmployeeResponse.of(e.employee, e.disabled),
    );
  }

  /** 离职: the employee's account can no longer log in; its tokens die now. */
  @Post('employees/:userId/disable')
  @HttpCode(HttpStatus.OK)
  @Audited('openness.employee.disable')
  @ApiOperation({ summary: '停用职工账号（离职） · Disable employee' })
  @ApiOkResponse({ type: EmployeeResponse })
  async disableEmployee(@Param('userId', ParseUUIDPipe) userId: string): Promise<EmployeeResponse> {
    return EmployeeResponse.of(await this.units.setEmployeeDisabled(userId, true), true);
  }

  @Post('employees/:userId/enable')
  @HttpCode(HttpStatus.OK)
  @Audited('openness.employee.enable')
  @ApiOperation({ summary: '重新启用职工账号 · Enable employee' })
  @ApiOkResponse({ type: EmployeeResponse })
  async enableEmployee(@Param('userId', ParseUUIDPipe) userId: string): Promise<EmployeeResponse> {
    return EmployeeResponse.of(await this.units.setEmployeeDisabled(userId, false), false);
  }

  /**
   * 职工名单导入 from the roster's kind of spreadsheet (XLSX, or CSV in UTF-8 or GBK): 工号, 姓名,
   * 单位. Matched by 工号: new ones get an account with a first password (in the answer, once),
   * known ones their name and unit updated. The dry run (the default) imports nothing.
   */
  @Post('employees/import')
  @HttpCode(200)
  @Audited('openness.employee.import')
  @ApiOperation({ summary: '导入职工名单（XLSX/CSV，默认只预演） · Import employees' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: EmployeeImportResultResponse })
  @ApiErrors(HttpStatus.PAYLOAD_TOO_LARGE)
  @UseInterceptors(FileInterceptor('file', singleFileUpload(MAX_ROSTER_FILE_BYTES)))
  importEmployees(
    @Query() q: EmployeeImportQuery,
    @UploadedFile() file: UploadedFileData | undefined,
  ): Promise<EmployeeImportResultResponse> {
    if (!file) throw new OpennessException(OpennessErrorCode.ImportFileMissing);
    return this.importer.import(file, q.dryRun);
  }

  /** One account at a time (or many: `employees/import`). */
  @Post('employees')
  @Audited('openness.employee.create')
  @ApiErrors(HttpStatus.CONFLICT)
  @ApiOperation({ summary: '新建职工账号（用户名 emp-工号） · Create employee' })
  @ApiCreatedResponse({ type: EmployeeResponse })
  async createEmployee(@Body() dto: CreateEmployeeDto): Promise<EmployeeResponse> {
    return EmployeeResponse.of(await this.units.createEmployee(dto));
  }

  @Post('plan')
  @Audited('openness.plan.create')
  @ApiOperation({ summary: '年度公开计划：新增一项 · Add plan line' })
  @ApiCreatedResponse({ type: PlanLineResponse })
  async createPlanEntry(@Body() dto: CreatePlanEntryDto): Promise<PlanLineResponse> {
    const entry = await this.plan.create(dto);
    const line = (await this.plan.dashboard(entry.year)).find((l) => l.entry.id === entry.id)!;
    return PlanLineResponse.of(line);
  }

  @Get('plan')
  @Roles(Role.Staff, Role.Department, Role.Supervisor)
  @ApiOperation({ summary: '年度公开计划及完成情况（按时/逾期/未公开） · Plan dashboard' })
  @ApiOkResponse({ type: PlanDashboardResponse })
  async dashboard(@Query() q: YearQuery): Promise<PlanDashboardResponse> {
    return PlanDashboardResponse.of(q.year, await this.plan.dashboard(q.year));
  }

  /**
   * 发送提醒: sends now what the hourly timer would (RemindersService): each reminder once, so
   * pressing it twice sends nothing the second time.
   */
  @Post('plan/reminders')
  @HttpCode(HttpStatus.OK)
  @Audited('openness.plan.remind')
  @ApiOperation({ summary: '向责任部门发送到期/逾期提醒 · Send plan reminders' })
  @ApiOkResponse({ type: [ReminderSentResponse] })
  sendReminders(): Promise<ReminderSentResponse[]> {
    return this.reminders.send();
  }

  /** Every publication's record form of a year, for inspection (备案备查). */
  @Get('records')
  @Roles(Role.Staff, Role.Supervisor)
  @ApiOperation({ summary: '厂务公开记录表（按年度） · Records' })
  @ApiOkResponse({ type: [RecordResponse] })
  records(@Query() q: YearQuery): Promise<RecordResponse[]> {
    return this.recordForms.records(q.year);
  }

  @Get('records/export')
  @Roles(Role.Staff, Role.Supervisor)
  @ApiOperation({ summary: '导出厂务公开记录表（XLSX） · Export records' })
  @ApiFileResponse(XLSX)
  async exportRecords(@Query() q: YearQuery, @Res() res: Response): Promise<void> {
    const body = await recordsWorkbook(await this.recordForms.records(q.year));
    res.setHeader('Cache-Control', 'no-store');
    res.type(XLSX);
    res.attachment(`厂务公开记录表-${q.year}.xlsx`);
    res.send(body);
  }
}

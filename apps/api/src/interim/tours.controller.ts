import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/index.js';
import { type AuthContext, CurrentUser, Roles } from '../auth/index.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { CreateFindingDto, CreateTourDto, FindingProgressDto } from './dto/interim.dto.js';
import {
  DepartmentFindingResponse,
  InspectionFindingResponse,
  InspectionTourResponse,
} from './dto/interim.responses.js';
import { ToursService } from './tours.service.js';

/** 职工代表巡视检查: staff plan and record; the secretary reads; departments answer their own. */
@ApiTags('interim')
@ApiErrors(HttpStatus.CONFLICT)
@Roles(Role.Staff)
@Controller()
export class ToursController {
  constructor(private readonly tours: ToursService) {}

  @Get('terms/:termId/inspection-tours')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '本届代表巡视检查列表 · List inspection tours' })
  @ApiOkResponse({ type: [InspectionTourResponse] })
  async list(@Param('termId', ParseUUIDPipe) termId: string): Promise<InspectionTourResponse[]> {
    const tours = await this.tours.list(termId);
    return Promise.all(tours.map((t) => this.detail(t.id)));
  }

  @Post('terms/:termId/inspection-tours')
  @Audited('interim.tour.create')
  @ApiOperation({ summary: '安排代表巡视检查 · Plan an inspection tour' })
  @ApiCreatedResponse({ type: InspectionTourResponse })
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateTourDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<InspectionTourResponse> {
    const tour = await this.tours.create(termId, dto, auth.userId);
    return this.detail(tour.id);
  }

  @Get('inspection-tours/:id')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '巡视检查详情（参加代表、发现的问题） · Inspection tour' })
  @ApiOkResponse({ type: InspectionTourResponse })
  async detail(@Param('id', ParseUUIDPipe) id: string): Promise<InspectionTourResponse> {
    const { tour, members, findings } = await this.tours.detail(id);
    return InspectionTourResponse.of(tour, members, findings);
  }

  @Post('inspection-tours/:id/findings')
  @Audited('interim.tour.finding')
  @ApiOperation({ summary: '记录发现的问题（责任部门、整改期限） · Add a finding' })
  @ApiCreatedResponse({ type: InspectionFindingResponse })
  async addFinding(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateFindingDto,
  ): Promise<InspectionFindingResponse> {
    return this.tours.addFinding(id, dto);
  }

  @Get('inspection-findings/mine')
  @Roles(Role.Department)
  @ApiOperation({ summary: '本部门负责整改的巡视问题（期限近者在前） · My findings' })
  @ApiOkResponse({ type: [DepartmentFindingResponse] })
  async mine(@CurrentUser() auth: AuthContext): Promise<DepartmentFindingResponse[]> {
    return (await this.tours.mine(auth)).map(({ view, tour }) => ({
      ...view,
      tourTopic: tour.topic,
      tourPlaces: tour.places,
    }));
  }

  @Post('inspection-findings/:id/progress')
  @Roles(Role.Department)
  @HttpCode(HttpStatus.OK)
  @Audited('interim.finding.progress', { everyRole: true })
  @ApiOperation({ summary: '责任部门答复整改进展（办理中/已办结） · Answer a finding' })
  @ApiOkResponse({ type: InspectionFindingResponse })
  async progress(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: FindingProgressDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<InspectionFindingResponse> {
    return this.tours.progress(auth, id, dto);
  }
}

import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Clock } from '../common/clock.js';
import { ApiErrors, ApiFileResponse } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { BoardService } from './board.service.js';
import { OpinionDto } from './dto/openness.dto.js';
import { BoardItemResponse, DueUnpublishedResponse } from './dto/openness.responses.js';
import { sendFile } from './items.controller.js';
import type { OpennessItem } from './item.entity.js';
import { OpennessViews } from './openness-views.js';
import { OpinionsService } from './opinions.service.js';
import { PlanService } from './plan.service.js';
import { UnitsService } from './units.service.js';

/** What an opinion box answers: that it was received, nothing that could name its author. */
class OpinionReceivedResponse {
  @ApiProperty({ example: true }) received!: boolean;
}

/** Shared by the employee's board and the public one: list and detail of published items. */
abstract class BoardReads {
  constructor(
    protected readonly board: BoardService,
    protected readonly views: OpennessViews,
    protected readonly clock: Clock,
    protected readonly plan: PlanService,
    protected readonly units: UnitsService,
  ) {}

  /** The annual plan's lines of the caller's units that were due and not published. */
  protected async dueOf(auth: AuthContext | null): Promise<DueUnpublishedResponse[]> {
    const lines = await this.plan.dueUnpublished(await this.board.readableUnits(auth));
    const [units, names] = await Promise.all([
      this.units.names(),
      this.views.departmentNames(lines.map((l) => l.entry.departmentId)),
    ]);
    return lines.map((l) =>
      DueUnpublishedResponse.of(
        l,
        units.get(l.entry.unitId)!,
        names.get(l.entry.departmentId) ?? '',
      ),
    );
  }

  protected async presentAll(items: OpennessItem[]): Promise<BoardItemResponse[]> {
    return Promise.all(items.map((i) => this.present(i)));
  }

  protected async present(item: OpennessItem): Promise<BoardItemResponse> {
    const bundle = await this.views.one(item);
    return BoardItemResponse.of(bundle, this.views.frozenFiles(bundle), this.clock.now());
  }
}

/** 厂务公开栏 for an employee: their unit's items and those of every unit above it, and the opinion box. */
@ApiTags('openness')
@Roles(Role.Employee)
@Controller('openness/board')
export class OpennessBoardController extends BoardReads {
  constructor(
    board: BoardService,
    views: OpennessViews,
    clock: Clock,
    plan: PlanService,
    units: UnitsService,
    private readonly opinions: OpinionsService,
  ) {
    super(board, views, clock, plan, units);
  }

  @Get()
  @ApiOperation({ summary: '本单位及上级单位的公开事项 · My board' })
  @ApiOkResponse({ type: [BoardItemResponse] })
  async list(@CurrentUser() auth: AuthContext): Promise<BoardItemResponse[]> {
    return this.presentAll(await this.board.list(auth));
  }

  @Get('archive')
  @ApiOperation({ summary: '往期公开：公开期限已过的事项 · Past items' })
  @ApiOkResponse({ type: [BoardItemResponse] })
  async archive(@CurrentUser() auth: AuthContext): Promise<BoardItemResponse[]> {
    return this.presentAll(await this.board.archive(auth));
  }

  @Get('due')
  @ApiOperation({ summary: '本单位及上级单位到期未公开的计划项 · Due and not published' })
  @ApiOkResponse({ type: [DueUnpublishedResponse] })
  due(@CurrentUser() auth: AuthContext): Promise<DueUnpublishedResponse[]> {
    return this.dueOf(auth);
  }

  @Get('items/:id')
  @ApiOperation({ summary: '公开事项（其他单位的事项答 404） · Board item' })
  @ApiOkResponse({ type: BoardItemResponse })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
  ): Promise<BoardItemResponse> {
    return this.present(await this.board.get(auth, id));
  }

  /**
   * 意见箱: a comment, question or rating, anonymous if the employee chooses (then no account
   * or name is stored with it). The answer says only that it was received.
   */
  @Post('items/:id/opinions')
  @ApiErrors(HttpStatus.CONFLICT, HttpStatus.TOO_MANY_REQUESTS)
  @ApiOperation({ summary: '意见箱：提意见、提问或评价（可匿名） · Leave an opinion' })
  @ApiCreatedResponse({ type: OpinionReceivedResponse })
  async opine(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OpinionDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<OpinionReceivedResponse> {
    await this.opinions.opine(auth, id, dto);
    return { received: true };
  }

  @Get('attachments/:id')
  @ApiOperation({ summary: '下载公开事项的附件 · Download attachment' })
  @ApiFileResponse('application/octet-stream')
  async attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() auth: AuthContext,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.board.attachment(auth, id));
  }
}

/** The public 厂务公开栏: company-level published items, readable without log-in. */
@ApiTags('public')
@Public()
@Controller('public/openness')
export class PublicOpennessController extends BoardReads {
  constructor(
    board: BoardService,
    views: OpennessViews,
    clock: Clock,
    plan: PlanService,
    units: UnitsService,
  ) {
    super(board, views, clock, plan, units);
  }

  @Get('items')
  @ApiOperation({ summary: '公司级公开事项（无需登录） · Public openness items' })
  @ApiOkResponse({ type: [BoardItemResponse] })
  async list(): Promise<BoardItemResponse[]> {
    return this.presentAll(await this.board.list(null));
  }

  @Get('archive')
  @ApiOperation({ summary: '公司级往期公开事项（无需登录） · Past public items' })
  @ApiOkResponse({ type: [BoardItemResponse] })
  async archive(): Promise<BoardItemResponse[]> {
    return this.presentAll(await this.board.archive(null));
  }

  @Get('due')
  @ApiOperation({ summary: '公司级到期未公开的计划项（无需登录） · Due and not published' })
  @ApiOkResponse({ type: [DueUnpublishedResponse] })
  due(): Promise<DueUnpublishedResponse[]> {
    return this.dueOf(null);
  }

  @Get('items/:id')
  @ApiOperation({ summary: '公司级公开事项详情（无需登录） · Public openness item' })
  @ApiOkResponse({ type: BoardItemResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<BoardItemResponse> {
    return this.present(await this.board.get(null, id));
  }

  @Get('attachments/:id')
  @ApiOperation({ summary: '公司级公开事项的附件（无需登录） · Public attachment' })
  @ApiFileResponse('application/octet-stream')
  async attachment(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    sendFile(res, await this.board.attachment(null, id));
  }
}

import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import { ApproveItemDto, CloseItemDto, ReturnItemDto } from './dto/openness.dto.js';
import { ItemResponse } from './dto/openness.responses.js';
import type { OpennessItem } from './item.entity.js';
import { OpennessViews } from './openness-views.js';
import { ReviewService } from './review.service.js';

/**
 * The leading group's steps (领导小组; staff accounts act for it, the union doing the work):
 * 审查, 公开, closing the opinion box, closing the item.
 */
@ApiTags('openness')
@ApiErrors(HttpStatus.CONFLICT)
@Roles(Role.Staff)
@Controller('openness/items/:id')
export class OpennessReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly views: OpennessViews,
  ) {}

  @Post('approve')
  @HttpCode(200)
  @Audited('openness.approve')
  @ApiOperation({ summary: '审查通过（确定公开时间、范围、形式） · Approve' })
  @ApiOkResponse({ type: ItemResponse })
  async approve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApproveItemDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ItemResponse> {
    return this.present(await this.review.approve(auth, id, dto));
  }

  @Post('return')
  @HttpCode(200)
  @Audited('openness.return')
  @ApiOperation({ summary: '退回修改（须写明理由） · Return' })
  @ApiOkResponse({ type: ItemResponse })
  async return(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnItemDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<ItemResponse> {
    return this.present(await this.review.return(auth, id, dto));
  }

  @Post('publish')
  @HttpCode(200)
  @Audited('openness.publish')
  @ApiOperation({ summary: '公开（内容冻结并计算 SHA-256） · Publish' })
  @ApiOkResponse({ type: ItemResponse })
  async publish(@Param('id', ParseUUIDPipe) id: string): Promise<ItemResponse> {
    return this.present(await this.review.publish(id));
  }

  @Post('close-opinions')
  @HttpCode(200)
  @Audited('openness.close-opinions')
  @ApiOperation({ summary: '关闭意见箱，进入整改 · Close the opinion box' })
  @ApiOkResponse({ type: ItemResponse })
  async closeOpinions(@Param('id', ParseUUIDPipe) id: string): Promise<ItemResponse> {
    return this.present(await this.review.closeOpinions(id));
  }

  @Post('close')
  @HttpCode(200)
  @Audited('openness.close')
  @ApiOperation({ summary: '办结（提问均已答复、整改均已完成） · Close' })
  @ApiOkResponse({ type: ItemResponse })
  async close(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseItemDto,
  ): Promise<ItemResponse> {
    return this.present(await this.review.close(id, dto));
  }

  private async present(item: OpennessItem): Promise<ItemResponse> {
    return ItemResponse.of(await this.views.one(item));
  }
}

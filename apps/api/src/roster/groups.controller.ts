import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-responses.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CreateGroupDto, UpdateGroupDto } from './dto/group.dto.js';
import { GroupResponse } from './dto/roster.responses.js';
import { GroupsService } from './groups.service.js';

@ApiTags('roster')
@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get('terms/:termId/groups')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  @ApiOperation({ summary: '代表团列表 · List delegation groups' })
  @ApiOkResponse({ type: [GroupResponse] })
  async list(@Param('termId', ParseUUIDPipe) termId: string): Promise<GroupResponse[]> {
    return (await this.groups.list(termId)).map(({ group, serving }) =>
      GroupResponse.of(group, serving),
    );
  }

  @Post('terms/:termId/groups')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '新建代表团 · Create group' })
  @ApiCreatedResponse({ type: GroupResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateGroupDto,
  ): Promise<GroupResponse> {
    return GroupResponse.of(await this.groups.create(termId, dto), 0);
  }

  @Patch('groups/:id')
  @Roles(Role.Staff)
  @ApiOperation({ summary: '修改代表团（名称、顺序、团长） · Update group' })
  @ApiOkResponse({ type: GroupResponse })
  @ApiErrors(HttpStatus.CONFLICT)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateGroupDto,
  ): Promise<GroupResponse> {
    const group = await this.groups.update(id, dto);
    const serving =
      (await this.groups.list(group.termId)).find((g) => g.group.id === id)?.serving ?? 0;
    return GroupResponse.of(group, serving);
  }
}

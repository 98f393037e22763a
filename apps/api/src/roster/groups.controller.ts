import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Role } from '../users/role.enum.js';
import { CreateGroupDto, GroupResponse, UpdateGroupDto } from './dto/group.dto.js';
import { GroupsService } from './groups.service.js';

@ApiTags('roster')
@ApiBearerAuth()
@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get('terms/:termId/groups')
  @Roles(Role.Staff, Role.Secretary, Role.Delegate, Role.Attendee)
  @ApiOkResponse({ type: [GroupResponse] })
  async list(@Param('termId', ParseUUIDPipe) termId: string): Promise<GroupResponse[]> {
    return (await this.groups.list(termId)).map(({ group, serving }) =>
      GroupResponse.of(group, serving),
    );
  }

  @Post('terms/:termId/groups')
  @Roles(Role.Staff)
  @ApiOkResponse({ type: GroupResponse })
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateGroupDto,
  ): Promise<GroupResponse> {
    return GroupResponse.of(await this.groups.create(termId, dto), 0);
  }

  @Patch('groups/:id')
  @Roles(Role.Staff)
  @ApiOkResponse({ type: GroupResponse })
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

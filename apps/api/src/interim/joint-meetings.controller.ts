import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/index.js';
import { type AuthContext, CurrentUser, Roles } from '../auth/index.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { Role } from '../users/role.enum.js';
import {
  AddCommitteeHeadDto,
  AddJointItemDto,
  ConfirmItemDto,
  CreateJointMeetingDto,
  JointRecordDto,
  SetPresenceDto,
} from './dto/interim.dto.js';
import {
  JointItemResponse,
  JointMeetingDetailResponse,
  JointMeetingResponse,
  JointParticipantResponse,
  PendingDecisionResponse,
} from './dto/interim.responses.js';
import { JointMeetingsService } from './joint-meetings.service.js';

/** 联席会议: staff keep them; the secretary reads them (for the next session's minutes). */
@ApiTags('interim')
@ApiErrors(HttpStatus.CONFLICT)
@Roles(Role.Staff)
@Controller()
export class JointMeetingsController {
  constructor(private readonly meetings: JointMeetingsService) {}

  @Get('terms/:termId/joint-meetings')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '本届联席会议列表 · List joint meetings' })
  @ApiOkResponse({ type: [JointMeetingResponse] })
  async list(@Param('termId', ParseUUIDPipe) termId: string): Promise<JointMeetingResponse[]> {
    return (await this.meetings.list(termId)).map(JointMeetingResponse.of);
  }

  @Post('terms/:termId/joint-meetings')
  @Audited('interim.joint-meeting.create')
  @ApiOperation({
    summary: '召集联席会议（参会人员取本届各代表团团长/组长） · Call a joint meeting',
  })
  @ApiCreatedResponse({ type: JointMeetingDetailResponse })
  async create(
    @Param('termId', ParseUUIDPipe) termId: string,
    @Body() dto: CreateJointMeetingDto,
    @CurrentUser() auth: AuthContext,
  ): Promise<JointMeetingDetailResponse> {
    const meeting = await this.meetings.create(termId, dto, auth.userId);
    return this.detail(meeting.id);
  }

  @Get('terms/:termId/joint-meetings/pending-decisions')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '须提请下次职代会确认的联席会议决定 · Decisions awaiting confirmation' })
  @ApiOkResponse({ type: [PendingDecisionResponse] })
  async pending(
    @Param('termId', ParseUUIDPipe) termId: string,
  ): Promise<PendingDecisionResponse[]> {
    return (await this.meetings.pending(termId)).map(({ item, meeting }) => ({
      ...JointItemResponse.of(item),
      meetingTopic: meeting.topic,
      meetingHeldOn: meeting.heldOn,
    }));
  }

  @Get('joint-meetings/:id')
  @Roles(Role.Staff, Role.Secretary)
  @ApiOperation({ summary: '联席会议详情（参会人员、议题、纪要） · Joint meeting' })
  @ApiOkResponse({ type: JointMeetingDetailResponse })
  async detail(@Param('id', ParseUUIDPipe) id: string): Promise<JointMeetingDetailResponse> {
    const { meeting, participants, items } = await this.meetings.detail(id);
    return {
      ...JointMeetingResponse.of(meeting),
      participants: participants.map(JointParticipantResponse.of),
      items: items.map(JointItemResponse.of),
    };
  }

  @Post('joint-meetings/:id/participants')
  @Audited('interim.joint-meeting.add-committee-head')
  @ApiOperation({ summary: '增加专门委员会负责人 · Add a committee head' })
  @ApiCreatedResponse({ type: JointParticipantResponse })
  async addCommitteeHead(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddCommitteeHeadDto,
  ): Promise<JointParticipantResponse> {
    return JointParticipantResponse.of(await this.meetings.addCommitteeHead(id, dto));
  }

  @Patch('joint-meeting-participants/:id')
  @ApiOperation({ summary: '登记参会人员出席 · Record attendance' })
  @ApiOkResponse({ type: JointParticipantResponse })
  async setPresence(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetPresenceDto,
  ): Promise<JointParticipantResponse> {
    return JointParticipantResponse.of(await this.meetings.setPresence(id, dto.present));
  }

  @Post('joint-meetings/:id/items')
  @Audited('interim.joint-meeting.add-item')
  @ApiOperation({
    summary: '记录联席会议议题（选举、民主评议、审议通过事项被拒绝） · Add an item',
  })
  @ApiCreatedResponse({ type: JointItemResponse })
  async addItem(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddJointItemDto,
  ): Promise<JointItemResponse> {
    return JointItemResponse.of(await this.meetings.addItem(id, dto));
  }

  @Put('joint-meetings/:id/record')
  @Audited('interim.joint-meeting.record')
  @ApiOperation({ summary: '保存联席会议纪要 · Save the record' })
  @ApiOkResponse({ type: JointMeetingResponse })
  async setRecord(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: JointRecordDto,
  ): Promise<JointMeetingResponse> {
    return JointMeetingResponse.of(await this.meetings.setRecord(id, dto.record));
  }

  @Post('joint-meeting-items/:id/confirm')
  @HttpCode(HttpStatus.OK)
  @Audited('interim.joint-meeting.confirm')
  @ApiOperation({ summary: '登记职代会对联席会议决定的确认 · Record confirmation by a session' })
  @ApiOkResponse({ type: JointItemResponse })
  async confirm(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConfirmItemDto,
  ): Promise<JointItemResponse> {
    return JointItemResponse.of(await this.meetings.confirm(id, dto.sessionId));
  }
}

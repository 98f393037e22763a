import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';
import type {
  Agree,
  Difference,
  AgendaErrorCode as ContractAgendaErrorCode,
} from '../common/contracts.js';

export enum AgendaErrorCode {
  ItemNotFound = 'AGENDA_ITEM_NOT_FOUND',
  DocumentNotFound = 'AGENDA_DOCUMENT_NOT_FOUND',
  VersionNotFound = 'AGENDA_VERSION_NOT_FOUND',
  BadVoteSpec = 'AGENDA_BAD_VOTE_SPEC',
  SessionClosed = 'AGENDA_SESSION_CLOSED',
  NothingToCirculate = 'AGENDA_NOTHING_TO_CIRCULATE',
  NothingChanged = 'AGENDA_NOTHING_CHANGED',
  CirculationLate = 'AGENDA_CIRCULATION_LATE',
  NoRecipients = 'AGENDA_NO_RECIPIENTS',
  EmptyFile = 'AGENDA_EMPTY_FILE',
  FileTooLarge = 'AGENDA_FILE_TOO_LARGE',
  FileType = 'AGENDA_FILE_TYPE',
  FileMissing = 'AGENDA_FILE_MISSING',
  NotDelivered = 'AGENDA_NOT_DELIVERED',
  AlreadySigned = 'AGENDA_ALREADY_SIGNED',
  NotPresidium = 'AGENDA_NOT_PRESIDIUM',
  NotLate = 'AGENDA_ITEM_NOT_LATE',
  NotCirculated = 'AGENDA_ITEM_NOT_CIRCULATED',
  NotPublished = 'AGENDA_NOT_PUBLISHED',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _AgendaErrorCodeContract = Agree<Difference<`${AgendaErrorCode}`, ContractAgendaErrorCode>>;

export class AgendaException extends moduleException<AgendaErrorCode>({
  [AgendaErrorCode.ItemNotFound]: [HttpStatus.NOT_FOUND, '议程项不存在'],
  [AgendaErrorCode.DocumentNotFound]: [HttpStatus.NOT_FOUND, '文件不存在'],
  [AgendaErrorCode.VersionNotFound]: [HttpStatus.NOT_FOUND, '议程版本不存在'],
  [AgendaErrorCode.BadVoteSpec]: [HttpStatus.BAD_REQUEST, '表决内容有误'],
  [AgendaErrorCode.SessionClosed]: [HttpStatus.CONFLICT, '会议当前状态不能修改或分发议程'],
  [AgendaErrorCode.NothingToCirculate]: [HttpStatus.CONFLICT, '议程为空，无法分发'],
  [AgendaErrorCode.NothingChanged]: [HttpStatus.CONFLICT, '议程自上次分发以来没有变化'],
  [AgendaErrorCode.CirculationLate]: [
    HttpStatus.CONFLICT,
    '距会议不足规定天数，须说明理由才能分发',
  ],
  [AgendaErrorCode.NoRecipients]: [HttpStatus.CONFLICT, '本届没有在任代表或列席代表'],
  [AgendaErrorCode.EmptyFile]: [HttpStatus.BAD_REQUEST, '文件为空'],
  [AgendaErrorCode.FileTooLarge]: [HttpStatus.PAYLOAD_TOO_LARGE, '文件过大'],
  [AgendaErrorCode.FileType]: [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    '只接受 PDF、DOCX、XLSX、PNG、JPEG 文件',
  ],
  [AgendaErrorCode.FileMissing]: [HttpStatus.BAD_REQUEST, '请上传文件（字段名 file）'],
  [AgendaErrorCode.NotDelivered]: [HttpStatus.NOT_FOUND, '没有分发给您的这份议程'],
  [AgendaErrorCode.AlreadySigned]: [HttpStatus.CONFLICT, '已签收'],
  [AgendaErrorCode.NotPresidium]: [HttpStatus.FORBIDDEN, '须由主席团成员批准'],
  [AgendaErrorCode.NotLate]: [HttpStatus.CONFLICT, '该议程项已按时分发，无需批准'],
  [AgendaErrorCode.NotCirculated]: [HttpStatus.CONFLICT, '该议程项尚未分发'],
  [AgendaErrorCode.NotPublished]: [HttpStatus.NOT_FOUND, '议程尚未公布'],
}) {}

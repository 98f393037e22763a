import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';
import type {
  Agree,
  Difference,
  CongressErrorCode as ContractCongressErrorCode,
} from '../common/contracts.js';

export enum CongressErrorCode {
  TermNotFound = 'CONGRESS_TERM_NOT_FOUND',
  SessionNotFound = 'CONGRESS_SESSION_NOT_FOUND',
  BadTransition = 'CONGRESS_BAD_STATUS_TRANSITION',
  CirculateThroughAgenda = 'CONGRESS_CIRCULATE_THROUGH_AGENDA',
  SessionLocked = 'CONGRESS_SESSION_LOCKED',
  BadFigures = 'CONGRESS_BAD_WORKFORCE_FIGURES',
  BadDates = 'CONGRESS_BAD_DATES',
  DateConfirmationRequired = 'CONGRESS_DATE_CONFIRMATION_REQUIRED',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _CongressErrorCodeContract = Agree<
  Difference<`${CongressErrorCode}`, ContractCongressErrorCode>
>;

export class CongressException extends moduleException<CongressErrorCode>({
  [CongressErrorCode.TermNotFound]: [HttpStatus.NOT_FOUND, '届次不存在'],
  [CongressErrorCode.SessionNotFound]: [HttpStatus.NOT_FOUND, '会议不存在'],
  [CongressErrorCode.BadTransition]: [HttpStatus.CONFLICT, '会议状态不能这样变更'],
  [CongressErrorCode.CirculateThroughAgenda]: [HttpStatus.CONFLICT, '须通过“分发议程”完成分发'],
  [CongressErrorCode.SessionLocked]: [HttpStatus.CONFLICT, '议程已分发，会议时间不能再修改'],
  [CongressErrorCode.BadFigures]: [HttpStatus.BAD_REQUEST, '职工人数数据有误'],
  [CongressErrorCode.BadDates]: [HttpStatus.BAD_REQUEST, '任期结束日期须晚于开始日期'],
  [CongressErrorCode.DateConfirmationRequired]: [
    HttpStatus.CONFLICT,
    '日期与会议日期不符：请核对，或填写理由（reason）确认后再操作',
  ],
}) {}

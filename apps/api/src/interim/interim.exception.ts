import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

/**
 * Refusals of the work between sessions. As in the other modules: what does not exist (or is
 * not the caller's) is 404, what the rules forbid is 409, bad input is 400 with the field named.
 */
export enum InterimErrorCode {
  MeetingNotFound = 'INTERIM_MEETING_NOT_FOUND',
  ParticipantNotFound = 'INTERIM_PARTICIPANT_NOT_FOUND',
  ItemNotFound = 'INTERIM_ITEM_NOT_FOUND',
  NotServingSeat = 'INTERIM_NOT_SERVING_SEAT',
  AlreadyParticipant = 'INTERIM_ALREADY_PARTICIPANT',
  ReservedForCongress = 'INTERIM_RESERVED_FOR_CONGRESS',
  NotForConfirmation = 'INTERIM_NOT_FOR_CONFIRMATION',
  AlreadyConfirmed = 'INTERIM_ALREADY_CONFIRMED',
  SessionOfOtherTerm = 'INTERIM_SESSION_OF_OTHER_TERM',
  TourNotFound = 'INTERIM_TOUR_NOT_FOUND',
  FindingNotFound = 'INTERIM_FINDING_NOT_FOUND',
  InvalidTransition = 'INTERIM_INVALID_TRANSITION',
  NoDepartment = 'INTERIM_NO_DEPARTMENT',
}

export class InterimException extends moduleException<InterimErrorCode>({
  [InterimErrorCode.MeetingNotFound]: [HttpStatus.NOT_FOUND, '联席会议不存在'],
  [InterimErrorCode.ParticipantNotFound]: [HttpStatus.NOT_FOUND, '参会人员不存在'],
  [InterimErrorCode.ItemNotFound]: [HttpStatus.NOT_FOUND, '联席会议议题不存在'],
  [InterimErrorCode.NotServingSeat]: [HttpStatus.CONFLICT, '该代表不是本届在任代表'],
  [InterimErrorCode.AlreadyParticipant]: [HttpStatus.CONFLICT, '该代表已在参会名单中'],
  [InterimErrorCode.ReservedForCongress]: [
    HttpStatus.CONFLICT,
    '选举罢免、民主评议和审议通过事项须由职工代表大会全体会议决定，联席会议不得处理',
  ],
  [InterimErrorCode.NotForConfirmation]: [HttpStatus.CONFLICT, '该议题不需要提请职代会确认'],
  [InterimErrorCode.AlreadyConfirmed]: [HttpStatus.CONFLICT, '该决定已经职代会确认'],
  [InterimErrorCode.SessionOfOtherTerm]: [HttpStatus.CONFLICT, '确认的会议不属于本届'],
  [InterimErrorCode.TourNotFound]: [HttpStatus.NOT_FOUND, '巡视检查不存在'],
  [InterimErrorCode.FindingNotFound]: [HttpStatus.NOT_FOUND, '检查发现的问题不存在'],
  [InterimErrorCode.InvalidTransition]: [HttpStatus.CONFLICT, '问题当前的办理状态不允许此操作'],
  [InterimErrorCode.NoDepartment]: [HttpStatus.FORBIDDEN, '该账号未关联承办部门'],
}) {}

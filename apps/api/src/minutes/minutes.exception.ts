import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

export enum MinutesErrorCode {
  NotFound = 'MINUTES_NOT_FOUND',
  SessionNotClosed = 'MINUTES_SESSION_NOT_CLOSED',
  AlreadyStarted = 'MINUTES_ALREADY_STARTED',
  NotRecorder = 'MINUTES_NOT_RECORDER',
  NotDraft = 'MINUTES_NOT_DRAFT',
  NotFinal = 'MINUTES_NOT_FINAL',
  NotArchived = 'MINUTES_NOT_ARCHIVED',
  PollOpen = 'MINUTES_POLL_OPEN',
  UnknownItem = 'MINUTES_UNKNOWN_ITEM',
  Invalid = 'MINUTES_INVALID',
  NotPresidium = 'MINUTES_NOT_PRESIDIUM',
  NotSigner = 'MINUTES_NOT_SIGNER',
  WrongSignerName = 'MINUTES_WRONG_SIGNER_NAME',
  KeyInvalid = 'MINUTES_KEY_INVALID',
  KeyTaken = 'MINUTES_KEY_TAKEN',
  KeyNotRegistered = 'MINUTES_KEY_NOT_REGISTERED',
  BadSignature = 'MINUTES_BAD_SIGNATURE',
  AlreadySigned = 'MINUTES_ALREADY_SIGNED',
  CorrectionOpen = 'MINUTES_CORRECTION_OPEN',
}

/** The minutes module's errors: one table, mapped by the global filter. */
export class MinutesException extends moduleException<MinutesErrorCode>({
  [MinutesErrorCode.NotFound]: [HttpStatus.NOT_FOUND, '会议记录不存在'],
  [MinutesErrorCode.SessionNotClosed]: [HttpStatus.CONFLICT, '会议闭会后才能定稿会议记录'],
  [MinutesErrorCode.AlreadyStarted]: [HttpStatus.CONFLICT, '本次会议的会议记录已经建立'],
  [MinutesErrorCode.NotRecorder]: [
    HttpStatus.FORBIDDEN,
    '只有本记录的记录人（秘书）可以执行此操作',
  ],
  [MinutesErrorCode.NotDraft]: [HttpStatus.CONFLICT, '会议记录已定稿，不能再修改'],
  [MinutesErrorCode.NotFinal]: [HttpStatus.CONFLICT, '会议记录尚未定稿或已归档，不能签名'],
  [MinutesErrorCode.NotArchived]: [HttpStatus.CONFLICT, '会议记录尚未归档'],
  [MinutesErrorCode.PollOpen]: [HttpStatus.CONFLICT, '还有表决未结束或未计票，不能定稿'],
  [MinutesErrorCode.UnknownItem]: [HttpStatus.BAD_REQUEST, '所指议程项不在本次会议中'],
  [MinutesErrorCode.Invalid]: [HttpStatus.BAD_REQUEST, '会议记录内容不完整或不一致'],
  [MinutesErrorCode.NotPresidium]: [HttpStatus.BAD_REQUEST, '主持人须是本届主席团成员（在任代表）'],
  [MinutesErrorCode.NotSigner]: [HttpStatus.FORBIDDEN, '您不是这份会议记录中此角色的签名人'],
  [MinutesErrorCode.WrongSignerName]: [HttpStatus.BAD_REQUEST, '签名人姓名与会议记录所载的不一致'],
  [MinutesErrorCode.KeyInvalid]: [HttpStatus.BAD_REQUEST, '公钥格式不正确'],
  [MinutesErrorCode.KeyTaken]: [HttpStatus.CONFLICT, '该公钥已登记'],
  [MinutesErrorCode.KeyNotRegistered]: [
    HttpStatus.BAD_REQUEST,
    '签名所用的公钥不是您登记的公钥，请先登记',
  ],
  [MinutesErrorCode.BadSignature]: [HttpStatus.BAD_REQUEST, '签名验证未通过'],
  [MinutesErrorCode.AlreadySigned]: [HttpStatus.CONFLICT, '您已签署过此内容'],
  [MinutesErrorCode.CorrectionOpen]: [HttpStatus.CONFLICT, '该会议记录已有一份未归档的更正'],
}) {}

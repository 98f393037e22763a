import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';
import type {
  Agree,
  Difference,
  PollErrorCode as ContractPollErrorCode,
} from '../common/contracts.js';

export enum BallotsErrorCode {
  PollNotFound = 'POLL_NOT_FOUND',
  NotInSession = 'POLL_SESSION_NOT_IN_SESSION',
  ItemNotVotable = 'POLL_ITEM_NOT_VOTABLE',
  NoQuorum = 'POLL_NO_QUORUM',
  AlreadyOpen = 'POLL_ALREADY_OPEN',
  Unsupported = 'POLL_UNSUPPORTED',
  NotOpen = 'POLL_NOT_OPEN',
  NotEligible = 'POLL_NOT_ELIGIBLE',
  NotCheckedIn = 'POLL_NOT_CHECKED_IN',
  AlreadyVoted = 'POLL_ALREADY_VOTED',
  Malformed = 'POLL_BALLOT_MALFORMED',
  Invalid = 'POLL_BALLOT_INVALID',
  NotIssued = 'POLL_NOT_ISSUED',
  BoardKeyMismatch = 'POLL_BOARD_KEY_MISMATCH',
  WrongPoll = 'POLL_BALLOT_WRONG_POLL',
  WrongVoter = 'POLL_BALLOT_WRONG_VOTER',
  WrongKind = 'POLL_WRONG_BALLOT_KIND',
  NoTellersKey = 'POLL_NO_TELLERS_KEY',
  NotDecided = 'POLL_NOT_DECIDED',
  NotHeld = 'POLL_NOT_HELD',
  NotPresidium = 'POLL_NOT_PRESIDIUM',
  SlipsIncomplete = 'POLL_SLIPS_INCOMPLETE',
  SlipsRequired = 'POLL_SLIPS_REQUIRED',
  SlipInvalid = 'POLL_SLIP_INVALID',
  SlipTaken = 'POLL_SLIP_TAKEN',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _PollErrorCodeContract = Agree<Difference<`${BallotsErrorCode}`, ContractPollErrorCode>>;

export class BallotsException extends moduleException<BallotsErrorCode>({
  [BallotsErrorCode.PollNotFound]: [HttpStatus.NOT_FOUND, '表决不存在'],
  [BallotsErrorCode.NotInSession]: [HttpStatus.CONFLICT, '会议未在进行中，不能发起表决'],
  [BallotsErrorCode.ItemNotVotable]: [
    HttpStatus.CONFLICT,
    '该议程项不能付诸表决（未分发、未按时分发且未经主席团批准，或不需表决）',
  ],
  [BallotsErrorCode.NoQuorum]: [HttpStatus.CONFLICT, '出席代表未达到法定人数，不能表决'],
  [BallotsErrorCode.AlreadyOpen]: [HttpStatus.CONFLICT, '该议程项已有进行中的表决'],
  [BallotsErrorCode.Unsupported]: [HttpStatus.BAD_REQUEST, '暂不支持这种表决方式'],
  [BallotsErrorCode.NotOpen]: [HttpStatus.CONFLICT, '表决未开始或已结束'],
  [BallotsErrorCode.NotEligible]: [HttpStatus.FORBIDDEN, '您没有本次表决的表决权'],
  [BallotsErrorCode.NotCheckedIn]: [HttpStatus.FORBIDDEN, '请先签到'],
  [BallotsErrorCode.AlreadyVoted]: [HttpStatus.CONFLICT, '您已投票，不能再次投票'],
  [BallotsErrorCode.Malformed]: [HttpStatus.BAD_REQUEST, '选票格式有误'],
  [BallotsErrorCode.Invalid]: [HttpStatus.BAD_REQUEST, '选票未通过验证（未保存，可重新投票）'],
  [BallotsErrorCode.NotIssued]: [
    HttpStatus.FORBIDDEN,
    '开始表决时您尚未签到，本次表决未向您发出选票',
  ],
  [BallotsErrorCode.BoardKeyMismatch]: [
    HttpStatus.SERVICE_UNAVAILABLE,
    '本服务器的回执签名密钥与该表决的不同，暂不能接收选票（请运维方为各服务进程配置同一密钥文件）',
  ],
  [BallotsErrorCode.WrongPoll]: [HttpStatus.BAD_REQUEST, '选票不属于本次表决'],
  [BallotsErrorCode.WrongVoter]: [HttpStatus.BAD_REQUEST, '选票不是为您生成的'],
  [BallotsErrorCode.WrongKind]: [
    HttpStatus.BAD_REQUEST,
    '记名表决须提交选择，无记名表决须提交加密选票',
  ],
  [BallotsErrorCode.NoTellersKey]: [
    HttpStatus.CONFLICT,
    '本次会议的监票人密钥尚未生成，不能发起无记名表决（可明确选择托管密钥试用，不对运维方保密）',
  ],
  [BallotsErrorCode.NotDecided]: [HttpStatus.CONFLICT, '该表决尚未计出结果'],
  [BallotsErrorCode.NotHeld]: [
    HttpStatus.CONFLICT,
    '该表决的结果不是“主持人宣布后公布”，已即时公布',
  ],
  [BallotsErrorCode.NotPresidium]: [
    HttpStatus.FORBIDDEN,
    '只有工作人员或本届主席团成员可以进行此操作',
  ],
  [BallotsErrorCode.SlipsIncomplete]: [
    HttpStatus.CONFLICT,
    '使用投票凭证的表决须采用监票人密钥，且每位监票人都已上传投票凭证',
  ],
  [BallotsErrorCode.SlipsRequired]: [
    HttpStatus.BAD_REQUEST,
    '本次表决须使用投票凭证：请先扫描从每位监票人票箱中抽取的凭证',
  ],
  [BallotsErrorCode.SlipInvalid]: [
    HttpStatus.BAD_REQUEST,
    '投票凭证未通过验证（选票未保存，可重新扫描凭证后投票）',
  ],
  [BallotsErrorCode.SlipTaken]: [HttpStatus.CONFLICT, '该投票凭证已被其他代表用于本次表决'],
}) {}

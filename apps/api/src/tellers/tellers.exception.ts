import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';
import type {
  Agree,
  Difference,
  TellersErrorCode as ContractTellersErrorCode,
} from '../common/contracts.js';

export enum TellersErrorCode {
  CeremonyNotFound = 'TELLERS_CEREMONY_NOT_FOUND',
  CeremonyExists = 'TELLERS_CEREMONY_EXISTS',
  BadTellers = 'TELLERS_BAD_TELLERS',
  NotATeller = 'TELLERS_NOT_A_TELLER',
  NotCollecting = 'TELLERS_NOT_COLLECTING',
  RoundNotReady = 'TELLERS_ROUND_NOT_READY',
  AlreadySent = 'TELLERS_ALREADY_SENT',
  BadMessage = 'TELLERS_BAD_MESSAGE',
  NoDecryption = 'TELLERS_NO_DECRYPTION',
  PartialRefused = 'TELLERS_PARTIAL_REFUSED',
  SlipsNoCeremony = 'TELLERS_SLIPS_NO_CEREMONY',
  SlipsExists = 'TELLERS_SLIPS_EXISTS',
  SlipsBad = 'TELLERS_SLIPS_BAD',
  SlipsForbidden = 'TELLERS_SLIPS_FORBIDDEN',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _TellersErrorCodeContract = Agree<Difference<`${TellersErrorCode}`, ContractTellersErrorCode>>;

/** The tellers module's errors: one table, mapped by the global filter. */
export class TellersException extends moduleException<TellersErrorCode>({
  [TellersErrorCode.CeremonyNotFound]: [HttpStatus.NOT_FOUND, '监票人密钥仪式不存在'],
  [TellersErrorCode.CeremonyExists]: [
    HttpStatus.CONFLICT,
    '本次会议已有进行中或已完成的监票人密钥仪式',
  ],
  [TellersErrorCode.BadTellers]: [
    HttpStatus.BAD_REQUEST,
    '监票人至少 3 人，须为不同的有效账号；门限须在 2 与监票人数之间',
  ],
  [TellersErrorCode.NotATeller]: [HttpStatus.FORBIDDEN, '您不是本次密钥仪式的监票人'],
  [TellersErrorCode.NotCollecting]: [HttpStatus.CONFLICT, '密钥仪式已完成或已失败'],
  [TellersErrorCode.RoundNotReady]: [HttpStatus.CONFLICT, '其他监票人尚未完成上一步，请稍候'],
  [TellersErrorCode.AlreadySent]: [HttpStatus.CONFLICT, '您已提交过这一步的消息'],
  [TellersErrorCode.BadMessage]: [HttpStatus.BAD_REQUEST, '消息未通过验证，未保存'],
  [TellersErrorCode.NoDecryption]: [HttpStatus.CONFLICT, '该表决没有等待监票人解密的计票'],
  [TellersErrorCode.PartialRefused]: [HttpStatus.BAD_REQUEST, '部分解密未通过验证，已记录为拒收'],
  [TellersErrorCode.SlipsNoCeremony]: [
    HttpStatus.CONFLICT,
    '本次会议的监票人密钥仪式尚未完成，不能上传投票凭证',
  ],
  [TellersErrorCode.SlipsExists]: [
    HttpStatus.CONFLICT,
    '您已为本次会议上传过投票凭证，不能再次上传',
  ],
  [TellersErrorCode.SlipsBad]: [
    HttpStatus.BAD_REQUEST,
    '投票凭证公钥须为升序、不重复的 64 位十六进制，张数不少于本届在任代表人数',
  ],
  [TellersErrorCode.SlipsForbidden]: [
    HttpStatus.FORBIDDEN,
    '只有工作人员、秘书、本届代表和本次会议的监票人可以查看投票凭证',
  ],
}) {}

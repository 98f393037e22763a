import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';
import type {
  Agree,
  Difference,
  AttendanceErrorCode as ContractAttendanceErrorCode,
} from '../common/contracts.js';

export enum AttendanceErrorCode {
  NotOpen = 'ATTENDANCE_NOT_OPEN',
  NoSeat = 'ATTENDANCE_NO_SEAT',
  DelegateNotInTerm = 'ATTENDANCE_DELEGATE_NOT_IN_TERM',
  ReasonRequired = 'ATTENDANCE_REASON_REQUIRED',
  CardUnknown = 'ATTENDANCE_CARD_UNKNOWN',
  CardOtherTerm = 'ATTENDANCE_CARD_OTHER_TERM',
  CardSeatEnded = 'ATTENDANCE_CARD_SEAT_ENDED',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _AttendanceErrorCodeContract = Agree<
  Difference<`${AttendanceErrorCode}`, ContractAttendanceErrorCode>
>;

export class AttendanceException extends moduleException<AttendanceErrorCode>({
  [AttendanceErrorCode.NotOpen]: [HttpStatus.CONFLICT, '会议尚未开放签到'],
  [AttendanceErrorCode.NoSeat]: [HttpStatus.FORBIDDEN, '您不是本次会议的在任代表或列席代表'],
  [AttendanceErrorCode.DelegateNotInTerm]: [HttpStatus.NOT_FOUND, '该代表不在本届名册中或不在任'],
  [AttendanceErrorCode.ReasonRequired]: [HttpStatus.BAD_REQUEST, '缺席须填写原因'],
  [AttendanceErrorCode.CardUnknown]: [HttpStatus.NOT_FOUND, '无效的代表证：证号不存在或已补发作废'],
  [AttendanceErrorCode.CardOtherTerm]: [HttpStatus.BAD_REQUEST, '不是本次会议的代表'],
  [AttendanceErrorCode.CardSeatEnded]: [HttpStatus.CONFLICT, '该代表已撤换或不再在任'],
}) {}

import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

export enum RosterErrorCode {
  GroupNotFound = 'ROSTER_GROUP_NOT_FOUND',
  GroupNameTaken = 'ROSTER_GROUP_NAME_TAKEN',
  DelegateNotFound = 'ROSTER_DELEGATE_NOT_FOUND',
  EmployeeNumberTaken = 'ROSTER_EMPLOYEE_NUMBER_TAKEN',
  InvalidDelegate = 'ROSTER_INVALID_DELEGATE',
  NotServing = 'ROSTER_NOT_SERVING',
  HeadNotInGroup = 'ROSTER_HEAD_NOT_IN_GROUP',
  ImportInvalid = 'ROSTER_IMPORT_INVALID',
  ImportFileMissing = 'ROSTER_IMPORT_FILE_MISSING',
  ImportTooLarge = 'ROSTER_IMPORT_TOO_LARGE',
  ImportTooComplex = 'ROSTER_IMPORT_TOO_COMPLEX',
  NoDelegatesSelected = 'ROSTER_NO_DELEGATES_SELECTED',
  UsernameTaken = 'ROSTER_USERNAME_TAKEN',
  CompositionInput = 'ROSTER_COMPOSITION_INPUT',
  SessionOver = 'ROSTER_SESSION_OVER',
  LiveCodesWouldBeRevoked = 'ROSTER_LIVE_CODES_WOULD_BE_REVOKED',
  LoginCodeFormats = 'ROSTER_LOGIN_CODE_FORMATS',
  ReissueNeedsApproval = 'ROSTER_REISSUE_NEEDS_APPROVAL',
  ReissueNotNeeded = 'ROSTER_REISSUE_NOT_NEEDED',
  ReissueNotFound = 'ROSTER_REISSUE_NOT_FOUND',
  ReissueSamePerson = 'ROSTER_REISSUE_SAME_PERSON',
  ReissueDecided = 'ROSTER_REISSUE_DECIDED',
  ReissueNotApprover = 'ROSTER_REISSUE_NOT_APPROVER',
  ReissueOwnCode = 'ROSTER_REISSUE_OWN_CODE',
  ReissueApproverInvalid = 'ROSTER_REISSUE_APPROVER_INVALID',
  ReissueNotApproved = 'ROSTER_REISSUE_NOT_APPROVED',
  ReissueIssued = 'ROSTER_REISSUE_ISSUED',
}

export class RosterException extends moduleException<RosterErrorCode>({
  [RosterErrorCode.GroupNotFound]: [HttpStatus.NOT_FOUND, '代表团不存在'],
  [RosterErrorCode.GroupNameTaken]: [HttpStatus.CONFLICT, '本届已有同名代表团'],
  [RosterErrorCode.DelegateNotFound]: [HttpStatus.NOT_FOUND, '代表不存在'],
  [RosterErrorCode.EmployeeNumberTaken]: [HttpStatus.CONFLICT, '本届名册中已有该工号'],
  [RosterErrorCode.InvalidDelegate]: [HttpStatus.BAD_REQUEST, '代表信息不完整'],
  [RosterErrorCode.NotServing]: [HttpStatus.CONFLICT, '该代表不在任'],
  [RosterErrorCode.HeadNotInGroup]: [HttpStatus.BAD_REQUEST, '团长须为本团在任代表'],
  [RosterErrorCode.ImportInvalid]: [HttpStatus.BAD_REQUEST, '名册文件有错误，未导入任何数据'],
  [RosterErrorCode.ImportFileMissing]: [HttpStatus.BAD_REQUEST, '请上传名册文件（字段名 file）'],
  [RosterErrorCode.ImportTooLarge]: [
    HttpStatus.PAYLOAD_TOO_LARGE,
    '名册文件过大（上传不超过 10 MB，解压后不超过 40 MB），未导入任何数据',
  ],
  [RosterErrorCode.ImportTooComplex]: [
    HttpStatus.PAYLOAD_TOO_LARGE,
    '名册文件过于复杂，无法在限定的时间和内存内读取，未导入任何数据；请另存为 CSV 或拆分后再导入',
  ],
  [RosterErrorCode.NoDelegatesSelected]: [HttpStatus.BAD_REQUEST, '没有选中在任代表'],
  [RosterErrorCode.UsernameTaken]: [HttpStatus.CONFLICT, '该工号已被其他类型的账号使用'],
  [RosterErrorCode.CompositionInput]: [HttpStatus.BAD_REQUEST, '构成检查的数据有误'],
  [RosterErrorCode.SessionOver]: [HttpStatus.BAD_REQUEST, '该会议已经结束，不能为其签发登录码'],
  [RosterErrorCode.LiveCodesWouldBeRevoked]: [
    HttpStatus.CONFLICT,
    '所选代表持有尚未使用的登录码，重新签发将使其作废：请先预览（dryRun=true），确认后以 replaceLiveCodes: true 签发',
  ],
  [RosterErrorCode.LoginCodeFormats]: [
    HttpStatus.BAD_REQUEST,
    'format 与 formats 只能填写其中之一（多种格式请用 formats）',
  ],
  [RosterErrorCode.ReissueNeedsApproval]: [
    HttpStatus.CONFLICT,
    '所选代表已在进行中的会议签到：补发登录码须提出申请（POST /api/sessions/{id}/code-reissues），由本届主席团成员或监票人批准',
  ],
  [RosterErrorCode.ReissueNotNeeded]: [
    HttpStatus.CONFLICT,
    '会议不在进行中，或该代表尚未签到：无须批准，可直接签发登录码',
  ],
  [RosterErrorCode.ReissueNotFound]: [HttpStatus.NOT_FOUND, '补发申请不存在'],
  [RosterErrorCode.ReissueSamePerson]: [
    HttpStatus.FORBIDDEN,
    '申请人本人不能记录对自己申请的批准或不批准，请由另一名工作人员记录',
  ],
  [RosterErrorCode.ReissueDecided]: [HttpStatus.CONFLICT, '该补发申请已经处理'],
  [RosterErrorCode.ReissueNotApprover]: [
    HttpStatus.FORBIDDEN,
    '只有本届在任的主席团成员或监票人可以批准补发登录码',
  ],
  [RosterErrorCode.ReissueOwnCode]: [HttpStatus.FORBIDDEN, '不能批准为您本人补发登录码'],
  [RosterErrorCode.ReissueApproverInvalid]: [
    HttpStatus.BAD_REQUEST,
    '批准人须为本届在任的主席团成员或监票人，且不是被补发登录码的代表本人',
  ],
  [RosterErrorCode.ReissueNotApproved]: [
    HttpStatus.CONFLICT,
    '该补发申请尚未获主席团成员或监票人批准，不能签发登录码',
  ],
  [RosterErrorCode.ReissueIssued]: [HttpStatus.CONFLICT, '该补发登录码已经签发，不能再次签发'],
}) {}

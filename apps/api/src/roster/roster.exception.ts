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
  NoDelegatesSelected = 'ROSTER_NO_DELEGATES_SELECTED',
  UsernameTaken = 'ROSTER_USERNAME_TAKEN',
  CompositionInput = 'ROSTER_COMPOSITION_INPUT',
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
  [RosterErrorCode.NoDelegatesSelected]: [HttpStatus.BAD_REQUEST, '没有选中在任代表'],
  [RosterErrorCode.UsernameTaken]: [HttpStatus.CONFLICT, '该工号已被其他类型的账号使用'],
  [RosterErrorCode.CompositionInput]: [HttpStatus.BAD_REQUEST, '构成检查的数据有误'],
}) {}

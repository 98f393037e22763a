import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

/**
 * Refusals of 厂务公开. As in the other modules: what the caller may not see is 404 (an employee
 * asking for another unit's item is told it does not exist), what they may see but not do is
 * 403, what the item's state forbids is 409, bad input is 400 with the field named.
 */
export enum OpennessErrorCode {
  ItemNotFound = 'OPENNESS_ITEM_NOT_FOUND',
  UnitNotFound = 'OPENNESS_UNIT_NOT_FOUND',
  PlanEntryNotFound = 'OPENNESS_PLAN_ENTRY_NOT_FOUND',
  OpinionNotFound = 'OPENNESS_OPINION_NOT_FOUND',
  MeasureNotFound = 'OPENNESS_MEASURE_NOT_FOUND',
  AttachmentNotFound = 'OPENNESS_ATTACHMENT_NOT_FOUND',
  DepartmentNotFound = 'OPENNESS_DEPARTMENT_NOT_FOUND',
  BadParent = 'OPENNESS_BAD_PARENT',
  UnitNameTaken = 'OPENNESS_UNIT_NAME_TAKEN',
  EmployeeTaken = 'OPENNESS_EMPLOYEE_TAKEN',
  NotEmployee = 'OPENNESS_NOT_EMPLOYEE',
  NoDepartment = 'OPENNESS_NO_DEPARTMENT',
  NotYourDepartment = 'OPENNESS_NOT_YOUR_DEPARTMENT',
  InvalidTransition = 'OPENNESS_INVALID_TRANSITION',
  BadPeriod = 'OPENNESS_BAD_PERIOD',
  Unanswered = 'OPENNESS_UNANSWERED',
  MeasuresOpen = 'OPENNESS_MEASURES_OPEN',
  NotAQuestion = 'OPENNESS_NOT_A_QUESTION',
  AlreadyAnswered = 'OPENNESS_ALREADY_ANSWERED',
  MeasureDone = 'OPENNESS_MEASURE_DONE',
  TooManyOpinions = 'OPENNESS_TOO_MANY_OPINIONS',
  FileEmpty = 'OPENNESS_FILE_EMPTY',
  FileTooLarge = 'OPENNESS_FILE_TOO_LARGE',
  FileType = 'OPENNESS_FILE_TYPE',
  ImportFileMissing = 'OPENNESS_IMPORT_FILE_MISSING',
  ImportTooLarge = 'OPENNESS_IMPORT_TOO_LARGE',
  ImportInvalid = 'OPENNESS_IMPORT_INVALID',
  CheckNotFound = 'OPENNESS_CHECK_NOT_FOUND',
  EmployeeNotFound = 'OPENNESS_EMPLOYEE_NOT_FOUND',
  CheckPeriod = 'OPENNESS_CHECK_PERIOD',
  PollNotEligible = 'OPENNESS_POLL_NOT_ELIGIBLE',
}

export class OpennessException extends moduleException<OpennessErrorCode>({
  [OpennessErrorCode.ItemNotFound]: [HttpStatus.NOT_FOUND, '公开事项不存在'],
  [OpennessErrorCode.UnitNotFound]: [HttpStatus.BAD_REQUEST, '单位不存在'],
  [OpennessErrorCode.PlanEntryNotFound]: [HttpStatus.BAD_REQUEST, '年度公开计划中没有该项'],
  [OpennessErrorCode.OpinionNotFound]: [HttpStatus.NOT_FOUND, '意见不存在'],
  [OpennessErrorCode.MeasureNotFound]: [HttpStatus.NOT_FOUND, '整改措施不存在'],
  [OpennessErrorCode.AttachmentNotFound]: [HttpStatus.NOT_FOUND, '附件不存在'],
  [OpennessErrorCode.DepartmentNotFound]: [HttpStatus.BAD_REQUEST, '责任部门不存在'],
  [OpennessErrorCode.BadParent]: [
    HttpStatus.BAD_REQUEST,
    '上级单位不正确：公司没有上级，车间和科室属于公司，班组属于车间或科室',
  ],
  [OpennessErrorCode.UnitNameTaken]: [HttpStatus.CONFLICT, '同一上级单位下已有同名单位'],
  [OpennessErrorCode.EmployeeTaken]: [HttpStatus.CONFLICT, '该工号已有职工账号'],
  [OpennessErrorCode.NotEmployee]: [HttpStatus.FORBIDDEN, '只有职工账号可以使用意见箱'],
  [OpennessErrorCode.NoDepartment]: [HttpStatus.FORBIDDEN, '该账号不属于任何部门'],
  [OpennessErrorCode.NotYourDepartment]: [HttpStatus.FORBIDDEN, '只能办理本部门负责的公开事项'],
  [OpennessErrorCode.InvalidTransition]: [HttpStatus.CONFLICT, '公开事项当前状态不允许此操作'],
  [OpennessErrorCode.BadPeriod]: [HttpStatus.BAD_REQUEST, '公开结束日期不能早于开始日期'],
  [OpennessErrorCode.Unanswered]: [HttpStatus.CONFLICT, '还有职工提问未答复'],
  [OpennessErrorCode.MeasuresOpen]: [HttpStatus.CONFLICT, '还有整改措施未完成'],
  [OpennessErrorCode.NotAQuestion]: [HttpStatus.CONFLICT, '只有提问需要答复'],
  [OpennessErrorCode.AlreadyAnswered]: [HttpStatus.CONFLICT, '该提问已答复'],
  [OpennessErrorCode.MeasureDone]: [HttpStatus.CONFLICT, '该整改措施已完成'],
  [OpennessErrorCode.TooManyOpinions]: [
    HttpStatus.TOO_MANY_REQUESTS,
    '提交意见过于频繁，请稍后再试',
  ],
  [OpennessErrorCode.FileEmpty]: [HttpStatus.BAD_REQUEST, '文件为空'],
  [OpennessErrorCode.FileTooLarge]: [HttpStatus.PAYLOAD_TOO_LARGE, '文件不能超过 20 MB'],
  [OpennessErrorCode.FileType]: [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    '附件只能是 PDF、DOCX、XLSX、PNG 或 JPEG 文件',
  ],
  [OpennessErrorCode.ImportFileMissing]: [HttpStatus.BAD_REQUEST, '请选择要导入的职工名单文件'],
  [OpennessErrorCode.ImportTooLarge]: [HttpStatus.PAYLOAD_TOO_LARGE, '文件过大，请拆分后分批导入'],
  [OpennessErrorCode.ImportInvalid]: [
    HttpStatus.BAD_REQUEST,
    '职工名单有错误，未导入任何内容；请先预演并改正',
  ],
  [OpennessErrorCode.CheckNotFound]: [HttpStatus.NOT_FOUND, '监督检查记录不存在'],
  [OpennessErrorCode.EmployeeNotFound]: [HttpStatus.NOT_FOUND, '没有这个职工账号'],
  [OpennessErrorCode.CheckPeriod]: [
    HttpStatus.BAD_REQUEST,
    '检查期间有误：结束日不能早于开始日，也不能晚于今天，且不超过一年',
  ],
  [OpennessErrorCode.PollNotEligible]: [
    HttpStatus.CONFLICT,
    '该表决不能作为厂务公开满意度测评（须为已宣布结果的无记名满意度评议，评议对象只有一个）',
  ],
}) {}

import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

/** Refusals of the quality self-assessment: 404 for what does not exist, 409 for what its state forbids. */
export enum AssessmentErrorCode {
  NotFound = 'ASSESSMENT_NOT_FOUND',
  CriterionNotFound = 'ASSESSMENT_CRITERION_NOT_FOUND',
  Exists = 'ASSESSMENT_EXISTS',
  Completed = 'ASSESSMENT_COMPLETED',
  NotCompleted = 'ASSESSMENT_NOT_COMPLETED',
  Superseded = 'ASSESSMENT_SUPERSEDED',
  Unjudged = 'ASSESSMENT_UNJUDGED',
  ReasonRequired = 'ASSESSMENT_REASON_REQUIRED',
  NoteRequired = 'ASSESSMENT_NOTE_REQUIRED',
}

export class AssessmentException extends moduleException<AssessmentErrorCode>({
  [AssessmentErrorCode.NotFound]: [HttpStatus.NOT_FOUND, '质量评估不存在'],
  [AssessmentErrorCode.CriterionNotFound]: [HttpStatus.NOT_FOUND, '评估项目不存在'],
  [AssessmentErrorCode.Exists]: [HttpStatus.CONFLICT, '本届该年度已有质量评估'],
  [AssessmentErrorCode.Completed]: [
    HttpStatus.CONFLICT,
    '评估已完成，不能再修改；如需更正请建立新版本',
  ],
  [AssessmentErrorCode.NotCompleted]: [HttpStatus.CONFLICT, '评估尚未完成'],
  [AssessmentErrorCode.Superseded]: [HttpStatus.CONFLICT, '该版本已被更正版本取代'],
  [AssessmentErrorCode.Unjudged]: [HttpStatus.CONFLICT, '还有评估项目没有结论'],
  [AssessmentErrorCode.ReasonRequired]: [HttpStatus.BAD_REQUEST, '改变自动评估结论须说明理由'],
  [AssessmentErrorCode.NoteRequired]: [HttpStatus.BAD_REQUEST, '人工评估须填写说明'],
}) {}

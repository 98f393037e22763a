import { HttpStatus } from '@nestjs/common';
import { moduleException } from '../common/errors/app.exception.js';

export enum DepartmentsErrorCode {
  NotFound = 'DEPARTMENT_NOT_FOUND',
  NameTaken = 'DEPARTMENT_NAME_TAKEN',
}

export class DepartmentsException extends moduleException<DepartmentsErrorCode>({
  [DepartmentsErrorCode.NotFound]: [HttpStatus.NOT_FOUND, '部门不存在'],
  [DepartmentsErrorCode.NameTaken]: [HttpStatus.CONFLICT, '已有同名部门'],
}) {}

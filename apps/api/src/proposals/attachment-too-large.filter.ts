import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody } from '../common/errors/error-body.js';
import { ProposalErrorCode, ProposalsException } from './proposals.exception.js';

/** multer stops an oversized upload with a bare 413: give it this module's code and message. */
@Catch(PayloadTooLargeException)
export class AttachmentTooLargeFilter implements ExceptionFilter {
  catch(_: PayloadTooLargeException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(new ProposalsException(ProposalErrorCode.AttachmentTooLarge));
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }
}

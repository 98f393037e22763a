/** The openapi module's public surface: the decorators every controller uses to document itself. */
export { ApiErrors, ApiFileResponse, CSV, DOCX, errorResponse, XLSX } from './api-responses.js';

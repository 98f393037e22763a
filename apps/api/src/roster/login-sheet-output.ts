import type { IssuedCode } from './login-codes.service.js';
import { renderLoginSheetPdf, renderLoginSheetXlsx } from './login-sheet/login-sheet.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetFile {
  contentType: string;
  filename?: string;
  body: Buffer | object;
}

/**
 * The link in a code's QR: the web app's tablet log-in page (apps/web, route /t/login), which
 * fills in the username and code from it.
 */
export function loginUrl(baseUrl: string, username: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/t/login?u=${encodeURIComponent(username)}&code=${encodeURIComponent(code)}`;
}

export async function renderLoginSheet(
  format: 'pdf' | 'xlsx' | 'json',
  issued: IssuedCode[],
  baseUrl: string,
  generatedAt: Date,
): Promise<SheetFile> {
  const entries = issued.map((i) => ({
    delegateId: i.delegate.id,
    name: i.delegate.name,
    employeeNumber: i.delegate.employeeNumber,
    groupName: i.groupName,
    username: i.username,
    code: i.code,
    loginUrl: loginUrl(baseUrl, i.username, i.code),
    expiresAt: i.expiresAt,
  }));
  if (format === 'json') {
    return {
      contentType: 'application/json',
      body: { generatedAt: generatedAt.toISOString(), entries },
    };
  }
  const termName = issued[0]?.termName ?? '';
  const input = { title: `${termName} 平板登录码`.trim(), entries, generatedAt };
  const stamp = generatedAt.toISOString().slice(0, 10);
  return format === 'pdf'
    ? {
        contentType: 'application/pdf',
        filename: `login-codes-${stamp}.pdf`,
        body: await renderLoginSheetPdf(input),
      }
    : {
        contentType: XLSX,
        filename: `login-codes-${stamp}.xlsx`,
        body: await renderLoginSheetXlsx(input),
      };
}

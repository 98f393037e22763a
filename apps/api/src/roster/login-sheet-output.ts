import type { IssuedCode } from './login-codes.service.js';

export interface SheetFile {
  contentType: string;
  filename?: string;
  body: Buffer | object;
}

/** The link in a code's QR: the tablet page fills in the username and code from it. */
export function loginUrl(baseUrl: string, username: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/login?u=${encodeURIComponent(username)}&c=${encodeURIComponent(code)}`;
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
  throw new Error(`format ${format} not yet available`);
}

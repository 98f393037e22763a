import { strToU8, zipSync } from 'fflate';
import { formatShanghai } from '../common/time.js';
import type { ExpiryBasis } from './login-code-expiry.js';
import type { Delegate } from './delegate.entity.js';
import { renderLoginSheetPdf, renderLoginSheetXlsx } from './login-sheet/login-sheet.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const SHEET_FORMATS = ['pdf', 'xlsx', 'json'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export interface IssuedCode {
  delegate: Delegate;
  groupName: string | null;
  username: string;
  /** The code as printed, grouped in fours. */
  code: string;
}

/** One issue of codes, with the only copy of the codes there will ever be. */
export interface IssuedBatch {
  batchId: string;
  termName: string;
  sessionId: string | null;
  sessionName: string | null;
  expiresAt: Date;
  expiryBasis: ExpiryBasis;
  /** Earlier live codes this issue made stop working. */
  revokedCodes: number;
  issuedAt: Date;
  codes: IssuedCode[];
}

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

/** One code as both renderings show it. */
function entry(i: IssuedCode, baseUrl: string) {
  return {
    name: i.delegate.name,
    employeeNumber: i.delegate.employeeNumber,
    groupName: i.groupName,
    username: i.username,
    code: i.code,
    loginUrl: loginUrl(baseUrl, i.username, i.code),
  };
}

function jsonBody(batch: IssuedBatch, baseUrl: string) {
  return {
    batchId: batch.batchId,
    generatedAt: batch.issuedAt.toISOString(),
    sessionId: batch.sessionId,
    sessionName: batch.sessionName,
    expiresAt: batch.expiresAt.toISOString(),
    expiryBasis: batch.expiryBasis,
    revokedCodes: batch.revokedCodes,
    entries: batch.codes.map((i) => ({
      delegateId: i.delegate.id,
      ...entry(i, baseUrl),
      expiresAt: batch.expiresAt.toISOString(),
    })),
  };
}

async function renderOne(
  format: SheetFormat,
  batch: IssuedBatch,
  baseUrl: string,
): Promise<{ contentType: string; filename: string; body: Buffer | object }> {
  const stamp = formatShanghai(batch.issuedAt).slice(0, 10);
  if (format === 'json') {
    return {
      contentType: 'application/json',
      filename: `login-codes-${stamp}.json`,
      body: jsonBody(batch, baseUrl),
    };
  }
  const input = {
    title: `${batch.termName} 平板登录码`.trim(),
    ...(batch.sessionName ? { sessionLabel: batch.sessionName } : {}),
    entries: batch.codes.map((i) => ({ ...entry(i, baseUrl), expiresAt: batch.expiresAt })),
    generatedAt: batch.issuedAt,
  };
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

/** What the ZIP's README.txt says: the batch, and that the codes cannot be produced again. */
function readme(batch: IssuedBatch, files: string[]): string {
  return [
    `${batch.termName} 平板登录码`,
    batch.sessionName ? `会议：${batch.sessionName}` : '会议：未指定',
    `批次：${batch.batchId}`,
    `签发时间：${formatShanghai(batch.issuedAt)}（北京时间）`,
    `有效期至：${formatShanghai(batch.expiresAt)}（北京时间）`,
    `登录码：${batch.codes.length} 个`,
    `本次签发作废了此前尚未使用的登录码：${batch.revokedCodes} 个`,
    `文件：${files.join('、')}`,
    '',
    '登录码只保存在这些文件里：服务器只存其哈希值，无法再次生成同一批登录码。',
    '请妥善保管；如需补发，请为个别代表重新签发（其原登录码随即作废）。',
    '',
  ].join('\r\n');
}

/**
 * The batch in the formats staff chose at issue: one format is answered as that file; several
 * as one ZIP (e.g. the PDF to print and the XLSX to keep), since the codes exist only in this
 * answer and cannot be rendered again later.
 */
export async function renderLoginSheets(
  formats: readonly SheetFormat[],
  batch: IssuedBatch,
  baseUrl: string,
): Promise<SheetFile> {
  const files = await Promise.all(formats.map((f) => renderOne(f, batch, baseUrl)));
  if (files.length === 1) {
    const [file] = files as [SheetFile & { filename: string }];
    return file.contentType === 'application/json' ? { ...file, filename: undefined } : file;
  }
  const names = files.map((f) => f.filename);
  const entries: Record<string, Uint8Array> = {
    // A BOM so that Windows Notepad reads the Chinese as UTF-8.
    'README.txt': strToU8(`\ufeff${readme(batch, names)}`),
  };
  for (const f of files) {
    entries[f.filename] = Buffer.isBuffer(f.body)
      ? new Uint8Array(f.body)
      : strToU8(JSON.stringify(f.body, null, 2));
  }
  return {
    contentType: 'application/zip',
    filename: `login-codes-${formatShanghai(batch.issuedAt).slice(0, 10)}.zip`,
    body: Buffer.from(zipSync(entries)),
  };
}

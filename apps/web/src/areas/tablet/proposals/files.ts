import type { components } from '../../../api/schema.js';
import { apiOf, unwrap } from '@web/shared/api.js';

export type ProposalFile = components['schemas']['AttachmentResponse'];

/** What the tablet takes (the api checks the bytes again and says why it refuses). */
export const FILE_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 10;

/** Attaches one file to the proposer's draft. */
export function uploadFile(proposalId: string, file: File): Promise<ProposalFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    apiOf('tablet').POST('/api/proposals/{id}/files', {
      params: { path: { id: proposalId } },
      body: form as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

export function removeFile(proposalId: string, fileId: string): Promise<unknown> {
  return unwrap(
    apiOf('tablet').DELETE('/api/proposals/{id}/files/{fileId}', {
      params: { path: { id: proposalId, fileId } },
    }),
  );
}

/** 12.3 KB / 1.2 MB. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

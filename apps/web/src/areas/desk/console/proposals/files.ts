import type { components } from '../../../../api/schema.js';
import { deskApi, unwrap } from '../../desk.js';
import { saveBlob } from '../../ui.js';

export type ProposalFile = components['schemas']['AttachmentResponse'];

/** What a department may attach to its answer (the api checks the bytes again and says why). */
export const ANSWER_FILE_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/**
 * Where a file comes from: the proposer's own files (材料) are under their proposal; an answer's
 * attachments (and a department's not yet sent) have their own route. Both need the desk's token,
 * so they are fetched, then saved.
 */
export type FileSource = { proposalId: string } | 'answer';

export async function downloadProposalFile(file: ProposalFile, source: FileSource) {
  const blob =
    source === 'answer'
      ? await unwrap(
          deskApi.GET('/api/proposal-attachments/{id}', {
            params: { path: { id: file.id } },
            parseAs: 'blob',
          }),
        )
      : await unwrap(
          deskApi.GET('/api/proposals/{id}/files/{fileId}', {
            params: { path: { id: source.proposalId, fileId: file.id } },
            parseAs: 'blob',
          }),
        );
  saveBlob(blob as Blob, file.filename);
}

/** Uploads one attachment for a department's coming answer. */
export function uploadAnswerFile(assignmentId: string, file: File): Promise<ProposalFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    deskApi.POST('/api/proposal-assignments/{id}/attachments', {
      params: { path: { id: assignmentId } },
      body: form as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

export function removeAnswerFile(id: string): Promise<unknown> {
  return unwrap(deskApi.DELETE('/api/proposal-attachments/{id}', { params: { path: { id } } }));
}

/** 12.3 KB / 1.2 MB. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

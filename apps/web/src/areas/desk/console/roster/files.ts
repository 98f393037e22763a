import type { components } from '../../../../api/schema.js';
import { deskApi, unwrap } from '../../desk.js';
import { saveBlob } from '../../ui.js';

export type ImportResult = components['schemas']['ImportResultResponse'];

/** Sends the roster file: a dry run (the default) reports, `dryRun: false` imports. */
export function importRoster(
  termId: string,
  file: File,
  options: { dryRun: boolean; absent: 'keep' | 'leave' },
): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    deskApi.POST('/api/terms/{termId}/roster/import', {
      // dryRun is typed loosely in the OpenAPI document (a boolean sent as text).
      params: { path: { termId }, query: options as never },
      body: form as never,
      // The browser writes the multipart boundary itself.
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

/** The roster as XLSX (can be edited and imported again), or the empty template. */
export async function downloadRoster(termId: string, what: 'export' | 'template', name: string) {
  const call =
    what === 'export'
      ? deskApi.GET('/api/terms/{termId}/roster/export', {
          params: { path: { termId } },
          parseAs: 'blob',
        })
      : deskApi.GET('/api/terms/{termId}/roster/template', {
          params: { path: { termId } },
          parseAs: 'blob',
        });
  const blob = (await unwrap(
    call as Promise<{ data?: unknown; error?: unknown; response: Response }>,
  )) as Blob;
  saveBlob(blob, name);
}

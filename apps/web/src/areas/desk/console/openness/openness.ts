import type { components } from '../../../../api/schema.js';
import { deskApi, deskSession, unwrap } from '../../desk.js';
import { saveBlob } from '../../ui.js';

/** 厂务公开 in the console: the calls its pages make, typed by the generated client. */
export type Item = components['schemas']['ItemResponse'];
export type Unit = components['schemas']['UnitResponse'];
export type Opinion = components['schemas']['OpinionResponse'];
export type Measure = components['schemas']['MeasureResponse'];
export type RecordForm = components['schemas']['RecordResponse'];
export type PlanDashboard = components['schemas']['PlanDashboardResponse'];
export type EmployeeImport = components['schemas']['EmployeeImportResultResponse'];
export type NewItem = components['schemas']['CreateItemDto'];
export type Approval = components['schemas']['ApproveItemDto'];
export type NewMeasure = components['schemas']['CreateMeasureDto'];
export type Check = components['schemas']['CheckResponse'];
export type Notice = components['schemas']['NoticeResponse'];
export type ArchivedRecords = components['schemas']['RecordsArchiveResponse'];
export type Satisfaction = components['schemas']['SatisfactionResponse'];
export type SatisfactionPoll = components['schemas']['SatisfactionPollResponse'];

export const isStaff = () => deskSession.user.value?.role === 'staff';
export const isDepartment = () => deskSession.user.value?.role === 'department';
/** 监督检查小组: reads everything of 厂务公开, changes nothing, runs checks and sends notices. */
export const isSupervisor = () => deskSession.user.value?.role === 'supervisor';

const path = (id: string) => ({ params: { path: { id } } });

export const units = () => unwrap(deskApi.GET('/api/openness/units'));
export const items = () => unwrap(deskApi.GET('/api/openness/items'));
export const item = (id: string) => unwrap(deskApi.GET('/api/openness/items/{id}', path(id)));
export const createItem = (body: NewItem) => unwrap(deskApi.POST('/api/openness/items', { body }));
export const updateItem = (id: string, body: Partial<NewItem>) =>
  unwrap(deskApi.PATCH('/api/openness/items/{id}', { ...path(id), body }));
export const submit = (id: string) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/submit', path(id)));
export const approve = (id: string, body: Approval) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/approve', { ...path(id), body }));
export const returnItem = (id: string, reason: string) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/return', { ...path(id), body: { reason } }));
export const publish = (id: string) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/publish', path(id)));
export const closeOpinions = (id: string) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/close-opinions', path(id)));
export const closeItem = (id: string, outcome: string) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/close', { ...path(id), body: { outcome } }));
export const opinions = (id: string) =>
  unwrap(deskApi.GET('/api/openness/items/{id}/opinions', path(id)));
export const answer = (opinionId: string, text: string) =>
  unwrap(
    deskApi.POST('/api/openness/opinions/{id}/answer', {
      ...path(opinionId),
      body: { answer: text },
    }),
  );
export const addMeasure = (id: string, body: NewMeasure) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/measures', { ...path(id), body }));
export const measureDone = (measureId: string, result: string) =>
  unwrap(
    deskApi.POST('/api/openness/measures/{id}/done', { ...path(measureId), body: { result } }),
  );
export const record = (id: string) =>
  unwrap(deskApi.GET('/api/openness/items/{id}/record', path(id)));
export const plan = (year: number) =>
  unwrap(deskApi.GET('/api/openness/plan', { params: { query: { year } } }));
export const addPlanLine = (body: components['schemas']['CreatePlanEntryDto']) =>
  unwrap(deskApi.POST('/api/openness/plan', { body }));
export const sendReminders = () => unwrap(deskApi.POST('/api/openness/plan/reminders'));
export const records = (year: number) =>
  unwrap(deskApi.GET('/api/openness/records', { params: { query: { year } } }));
export const checks = () => unwrap(deskApi.GET('/api/openness/checks'));
export const runCheck = (body: components['schemas']['RunCheckDto']) =>
  unwrap(deskApi.POST('/api/openness/checks', { body }));
export const sendNotices = (id: string) =>
  unwrap(deskApi.POST('/api/openness/checks/{id}/notices', path(id)));
export const notices = () => unwrap(deskApi.GET('/api/openness/notices'));
export const departments = () => unwrap(deskApi.GET('/api/departments'));
export const employees = () => unwrap(deskApi.GET('/api/openness/employees'));
export const setEmployeeDisabled = (userId: string, disabled: boolean) =>
  unwrap(
    deskApi.POST(
      disabled
        ? '/api/openness/employees/{userId}/disable'
        : '/api/openness/employees/{userId}/enable',
      { params: { path: { userId } } },
    ),
  );
export const createUnit = (body: components['schemas']['CreateUnitDto']) =>
  unwrap(deskApi.POST('/api/openness/units', { body }));

/** Files go as multipart; the browser writes the boundary itself. */
function multipart(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return { body: form as never, bodySerializer: (b: unknown) => b as FormData };
}

export const attach = (id: string, file: File) =>
  unwrap(deskApi.POST('/api/openness/items/{id}/attachments', { ...path(id), ...multipart(file) }));
export const detach = (fileId: string) =>
  unwrap(deskApi.DELETE('/api/openness/attachments/{id}', path(fileId)));

export const importEmployees = (file: File, dryRun: boolean) =>
  unwrap(
    deskApi.POST('/api/openness/employees/import', {
      // dryRun is typed loosely in the OpenAPI document (a boolean sent as text).
      params: { query: { dryRun } as never },
      ...multipart(file),
    }),
  );

async function blobOf(call: Promise<unknown>): Promise<Blob> {
  return (await unwrap(
    call as Promise<{ data?: unknown; error?: unknown; response: Response }>,
  )) as Blob;
}

export async function downloadAttachment(fileId: string, filename: string) {
  saveBlob(
    await blobOf(
      deskApi.GET('/api/openness/attachments/{id}', { ...path(fileId), parseAs: 'blob' }),
    ),
    filename,
  );
}

export async function exportRecords(year: number) {
  saveBlob(
    await blobOf(
      deskApi.GET('/api/openness/records/export', {
        params: { query: { year } },
        parseAs: 'blob',
      }),
    ),
    `厂务公开记录表-${year}.xlsx`,
  );
}

export const archiveRecords = (year: number) =>
  unwrap(deskApi.POST('/api/openness/records/archive', { body: { year } }));
export const satisfactionPolls = () => unwrap(deskApi.GET('/api/openness/satisfaction/polls'));
export const satisfactions = () => unwrap(deskApi.GET('/api/openness/satisfaction'));
export const linkSatisfaction = (year: number, pollId: string) =>
  unwrap(deskApi.POST('/api/openness/satisfaction', { body: { year, pollId } }));

export async function downloadSummary(year: number) {
  saveBlob(
    await blobOf(
      deskApi.GET('/api/openness/summary.docx', { params: { query: { year } }, parseAs: 'blob' }),
    ),
    `厂务公开工作总结-${year}（草稿）.docx`,
  );
}

/** Today in Shanghai, `2026-11-20`, for default dates in forms. */
export function shanghaiToday(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export const STATUS_TAG: Record<
  Item['status'],
  'info' | 'warning' | 'success' | 'danger' | 'primary'
> = {
  draft: 'info',
  submitted: 'warning',
  returned: 'danger',
  approved: 'primary',
  published: 'success',
  rectifying: 'warning',
  closed: 'info',
};

import type { Role } from '../../libs/contracts/src/index.js';

/**
 * Who may call what: `public` (no token), `signed-in` (any role), or the roles listed. Checked
 * by access-matrix.e2e-spec.ts against the running app, every route and socket event with every
 * role and with no token; a route or an event missing here fails it.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface AccessEntry {
  access: Access;
  /** Object-level checks the service makes beyond the role (tested in the module's own spec). */
  note?: string;
}

/** Every HTTP route of the OpenAPI document, as `METHOD /path/{param}`. */
export const HTTP_ACCESS: Record<string, AccessEntry> = {
  'GET /api/audit': { access: ['admin'] },
  'POST /api/auth/login': { access: 'public' },
  'GET /api/auth/me': { access: 'signed-in' },
  'POST /api/auth/password': { access: 'signed-in', note: 'own account only' },
  'GET /api/users': { access: ['admin'] },
  'POST /api/users': { access: ['admin'] },
  'PATCH /api/users/{id}': { access: ['admin'], note: 'an admin cannot disable their own account' },
  'POST /api/users/{id}/password': {
    access: ['admin'],
    note: "never on a delegate's or attendee's account (USER_SEAT_ACCOUNT)",
  },
  'GET /health': { access: 'public' },
  'GET /health/ready': { access: 'public' },
  'GET /api/notifications': { access: 'signed-in', note: 'own inbox only' },
  'POST /api/notifications/read': { access: 'signed-in', note: 'own inbox only' },
  'GET /api/terms': { access: 'signed-in' },
  'POST /api/terms': { access: ['staff'] },
  'GET /api/terms/{id}': { access: 'signed-in' },
  'PATCH /api/terms/{id}': { access: ['staff'] },
  'GET /api/terms/{termId}/sessions': { access: 'signed-in' },
  'POST /api/terms/{termId}/sessions': { access: ['staff'] },
  'GET /api/sessions/{id}': { access: 'signed-in' },
  'PATCH /api/sessions/{id}': { access: ['staff'] },
  'POST /api/sessions/{id}/status': { access: ['staff'] },
  'GET /api/sessions/{id}/status-history': { access: ['secretary', 'staff'] },
  'GET /api/terms/{termId}/groups': { access: ['attendee', 'delegate', 'secretary', 'staff'] },
  'POST /api/terms/{termId}/groups': { access: ['staff'] },
  'PATCH /api/groups/{id}': { access: ['staff'] },
  'GET /api/terms/{termId}/delegates': { access: ['secretary', 'staff'] },
  'POST /api/terms/{termId}/delegates': { access: ['staff'] },
  'POST /api/terms/{termId}/by-elections': { access: ['staff'] },
  'GET /api/delegates/me': { access: ['attendee', 'delegate'], note: 'own seats only' },
  'GET /api/delegates/{id}': { access: ['secretary', 'staff'] },
  'PATCH /api/delegates/{id}': { access: ['staff'] },
  'POST /api/delegates/{id}/status': { access: ['staff'] },
  'GET /api/delegates/{id}/history': { access: ['secretary', 'staff'] },
  'GET /api/delegates/{id}/changes': { access: ['secretary', 'staff'] },
  'POST /api/terms/{termId}/login-codes': {
    access: ['staff'],
    note: 'a seat checked in at a session in progress needs an approved re-issue',
  },
  'GET /api/terms/{termId}/login-code-batches': { access: ['staff'] },
  'POST /api/terms/{termId}/delegate-cards': { access: ['staff'] },
  'POST /api/auth/code-login': { access: 'public' },
  'GET /api/terms/{termId}/composition': { access: ['secretary', 'staff'] },
  'POST /api/terms/{termId}/roster/import': { access: ['staff'] },
  'GET /api/terms/{termId}/roster/template': { access: ['staff'] },
  'GET /api/terms/{termId}/roster/export': { access: ['secretary', 'staff'] },
  'POST /api/sessions/{sessionId}/code-reissues': { access: ['staff'] },
  'GET /api/sessions/{sessionId}/code-reissues/waiting': {
    access: ['delegate'],
    note: "a serving presidium member or teller of the session's term (ROSTER_REISSUE_NOT_APPROVER); never their own re-issue",
  },
  'POST /api/code-reissues/{id}/approve': {
    access: ['delegate'],
    note: 'a serving presidium member or teller of the term (ROSTER_REISSUE_NOT_APPROVER), not the delegate concerned (ROSTER_REISSUE_OWN_CODE); no code in the answer',
  },
  'POST /api/code-reissues/{id}/approve-in-person': {
    access: ['staff'],
    note: 'never by the account that asked (ROSTER_REISSUE_SAME_PERSON); names a presidium member or teller of the term',
  },
  'POST /api/code-reissues/{id}/refuse': {
    access: ['delegate', 'staff'],
    note: 'a delegate as presidium member or teller; staff name one and never refuse their own request',
  },
  'POST /api/code-reissues/{id}/issue': {
    access: ['staff'],
    note: 'an approved request only (ROSTER_REISSUE_NOT_APPROVED), once (ROSTER_REISSUE_ISSUED)',
  },
  'GET /api/code-reissues/{id}/approvers': { access: ['staff'] },
  'GET /api/sessions/{sessionId}/incidents': { access: ['admin', 'secretary', 'staff'] },
  'GET /api/departments': { access: ['admin', 'staff'] },
  'POST /api/departments': { access: ['admin', 'staff'] },
  'GET /api/departments/{id}/users': { access: ['admin', 'staff'] },
  'POST /api/departments/{id}/users': { access: ['admin', 'staff'] },
  'GET /api/sessions/{sessionId}/agenda/items': { access: ['secretary', 'staff'] },
  'POST /api/sessions/{sessionId}/agenda/items': { access: ['staff'] },
  'PATCH /api/agenda-items/{id}': { access: ['staff'] },
  'DELETE /api/agenda-items/{id}': { access: ['staff'] },
  'GET /api/agenda-items/{id}/votability': { access: ['secretary', 'staff'] },
  'POST /api/agenda-items/{id}/late-approval': {
    access: ['delegate', 'staff'],
    note: 'a delegate only as a presidium member (AGENDA_NOT_PRESIDIUM)',
  },
  'POST /api/agenda-items/{id}/documents': { access: ['staff'] },
  'DELETE /api/agenda-documents/{id}': { access: ['staff'] },
  'GET /api/agenda-documents/{id}': {
    access: ['attendee', 'delegate', 'secretary', 'staff'],
    note: 'a tablet only for documents delivered to it',
  },
  'POST /api/sessions/{sessionId}/agenda/circulate': { access: ['staff'] },
  'GET /api/sessions/{sessionId}/agenda/versions': { access: ['secretary', 'staff'] },
  'GET /api/sessions/{sessionId}/agenda': {
    access: ['attendee', 'delegate', 'secretary', 'staff'],
    note: "a tablet only for its term's sessions",
  },
  'GET /api/me/agenda': { access: ['attendee', 'delegate'], note: 'own deliveries only' },
  'POST /api/agenda-versions/{versionId}/receipt': {
    access: ['attendee', 'delegate'],
    note: 'own delivery only',
  },
  'GET /api/agenda-versions/{versionId}/receipts': { access: ['secretary', 'staff'] },
  'POST /api/agenda-versions/{versionId}/paper-receipts': { access: ['staff'] },
  'POST /api/agenda-versions/{versionId}/reminders': { access: ['staff'] },
  'GET /api/public/sessions/{sessionId}/agenda': { access: 'public' },
  'GET /api/public/sessions/{sessionId}/agenda/page': { access: 'public' },
  'GET /api/public/sessions': { access: 'public' },
  'GET /api/terms/{termId}/proposals': { access: ['secretary', 'staff'] },
  'GET /api/proposals/mine': { access: ['delegate'], note: 'own proposals' },
  'GET /api/proposals/cosignable': { access: ['delegate'] },
  'GET /api/proposals/{id}': {
    access: ['delegate', 'department', 'secretary', 'staff'],
    note: 'a delegate: own, co-signed or published; a department: assigned to it',
  },
  'PATCH /api/proposals/{id}': { access: ['delegate'], note: 'the proposer, while a draft' },
  'GET /api/proposals/{id}/history': { access: ['secretary', 'staff'] },
  'GET /api/terms/{termId}/proposal-window': {
    access: ['delegate', 'secretary', 'staff'],
    note: 'a delegate: own term',
  },
  'POST /api/proposals': { access: ['delegate'], note: 'a serving delegate of the term' },
  'POST /api/proposals/{id}/table': { access: ['delegate'], note: 'the proposer' },
  'POST /api/proposals/{id}/withdraw': { access: ['delegate'], note: 'the proposer' },
  'POST /api/proposals/{id}/cosignature': {
    access: ['delegate'],
    note: 'another serving delegate of the term',
  },
  'DELETE /api/proposals/{id}/cosignature': { access: ['delegate'], note: 'own co-signature' },
  'POST /api/proposals/{id}/files': { access: ['delegate'], note: 'the proposer, while a draft' },
  'DELETE /api/proposals/{id}/files/{fileId}': {
    access: ['delegate'],
    note: 'the proposer, while a draft',
  },
  'GET /api/proposals/{id}/files/{fileId}': {
    access: ['delegate', 'department', 'secretary', 'staff'],
    note: "whoever reads the proposal (a draft's: its proposer only)",
  },
  'PUT /api/proposals/{id}/follow': {
    access: ['delegate'],
    note: 'a tabled proposal the delegate reads; private to the follower',
  },
  'DELETE /api/proposals/{id}/follow': { access: ['delegate'], note: 'own follow' },
  'GET /api/proposals/following': { access: ['delegate'], note: 'own follows' },
  'POST /api/proposals/{id}/accept': { access: ['staff'] },
  'POST /api/proposals/{id}/merge': { access: ['staff'] },
  'POST /api/proposals/{id}/convert': { access: ['staff'] },
  'POST /api/proposals/{id}/reject': { access: ['staff'] },
  'POST /api/proposals/{id}/assignments': { access: ['staff'] },
  'POST /api/proposals/{id}/publish': { access: ['staff'] },
  'POST /api/proposals/{id}/unpublish': { access: ['staff'] },
  'POST /api/sessions/{id}/proposals/publish': { access: ['staff'] },
  'GET /api/proposal-assignments/mine': { access: ['department'], note: 'own department' },
  'GET /api/terms/{termId}/proposals/overdue': { access: ['secretary', 'staff'] },
  'POST /api/proposal-assignments/{id}/attachments': {
    access: ['department'],
    note: "own department's assignment",
  },
  'DELETE /api/proposal-attachments/{id}': {
    access: ['department'],
    note: "own department's, before it is sent",
  },
  'GET /api/proposal-attachments/{id}': {
    access: ['delegate', 'department', 'secretary', 'staff'],
    note: 'as the proposal itself',
  },
  'POST /api/proposal-assignments/{id}/answer': {
    access: ['department'],
    note: "own department's assignment",
  },
  'POST /api/proposal-assignments/{id}/rating': { access: ['delegate'], note: 'the proposer' },
  'POST /api/proposal-assignments/{id}/send-back': { access: ['delegate'], note: 'the proposer' },
  'GET /api/terms/{termId}/proposals/statistics': { access: ['secretary', 'staff'] },
  'GET /api/terms/{termId}/proposals/export': { access: ['secretary', 'staff'] },
  'GET /api/sessions/{id}/proposals/report': { access: ['secretary', 'staff'] },
  'GET /api/public/proposals': { access: 'public' },
  'GET /api/public/proposals/{id}': { access: 'public', note: 'published proposals only' },
  'GET /api/public/proposal-attachments/{id}': {
    access: 'public',
    note: 'attachments of published answers only',
  },
  'GET /api/sessions/{sessionId}/attendance/summary': {
    access: 'signed-in',
    note: "a tablet only for its term's sessions",
  },
  'GET /api/sessions/{sessionId}/attendance': { access: ['secretary', 'staff'] },
  'POST /api/sessions/{sessionId}/check-in': {
    access: ['attendee', 'delegate'],
    note: "own seat in the session's term",
  },
  'POST /api/sessions/{sessionId}/attendance/{delegateId}': { access: ['staff'] },
  'POST /api/sessions/{sessionId}/attendance/card': {
    access: ['staff'],
    note: "a live card of the session's term whose seat is serving",
  },
  'POST /api/polls': { access: ['staff'] },
  'POST /api/polls/{id}/close': { access: ['staff'] },
  'POST /api/polls/{id}/tally': { access: ['staff'] },
  'POST /api/polls/{id}/release': {
    access: ['delegate', 'staff'],
    note: 'a delegate only as a presidium member of the term (POLL_NOT_PRESIDIUM)',
  },
  'POST /api/sessions/{sessionId}/presidium/polls': {
    access: ['delegate', 'staff'],
    note: 'a delegate only as a presidium member of the term (POLL_NOT_PRESIDIUM)',
  },
  'POST /api/polls/{id}/presidium-close': {
    access: ['delegate', 'staff'],
    note: 'a delegate only as a presidium member of the term (POLL_NOT_PRESIDIUM)',
  },
  'GET /api/sessions/{sessionId}/presidium-view': {
    access: ['delegate', 'staff'],
    note: 'a delegate only as a presidium member of the term (POLL_NOT_PRESIDIUM)',
  },
  'GET /api/sessions/{sessionId}/polls': {
    access: 'signed-in',
    note: "a tablet only for its term's sessions",
  },
  'GET /api/public/polls/{id}': {
    access: 'public',
    note: 'labels, ballot shape and election public key; never a running count',
  },
  'GET /api/public/polls/{id}/record': { access: 'public' },
  'GET /api/public/sessions/{sessionId}/results': { access: 'public' },
  'GET /api/sessions/{sessionId}/minutes': { access: ['secretary', 'staff'] },
  'POST /api/sessions/{sessionId}/minutes': { access: ['secretary'] },
  'GET /api/sessions/{sessionId}/chairs': { access: ['secretary', 'staff'] },
  'PUT /api/sessions/{sessionId}/chairs': { access: ['secretary', 'staff'] },
  'GET /api/minutes/{id}': {
    access: ['delegate', 'secretary', 'staff'],
    note: 'a delegate only as a chair or teller who signs',
  },
  'PUT /api/minutes/{id}/draft': { access: ['secretary'] },
  'POST /api/minutes/{id}/finalise': { access: ['secretary'] },
  'POST /api/minutes/{id}/corrections': { access: ['secretary'] },
  'GET /api/minutes/{id}/export/minutes.pdf': { access: ['secretary', 'staff'] },
  'GET /api/minutes/{id}/export/minutes.docx': { access: ['secretary', 'staff'] },
  'GET /api/minutes/{id}/export/minutes.json': { access: ['secretary', 'staff'] },
  'GET /api/minutes/{id}/export/bundle.zip': { access: ['secretary', 'staff'] },
  'POST /api/signer-keys': { access: ['delegate', 'secretary'], note: 'own key' },
  'GET /api/signer-keys/mine': { access: ['delegate', 'secretary'], note: 'own keys' },
  'POST /api/minutes/{id}/signatures': {
    access: ['delegate', 'secretary'],
    note: "the recorder, the session's chairs and tellers, with their own key",
  },
  'GET /api/archive': { access: ['admin', 'secretary', 'staff'] },
  'GET /api/archive/status': { access: ['admin', 'secretary', 'staff'] },
  'GET /api/archive/export': { access: ['admin', 'secretary', 'staff'] },
  'POST /api/auth/logout': { access: 'signed-in' },
  // 厂务公开 (openness) and the minutes' signing tasks and public resolutions.
  'GET /api/signing/tasks': { access: ['delegate', 'secretary'], note: 'own signing tasks only' },
  'GET /api/public/sessions/{sessionId}/resolutions': {
    access: 'public',
    note: 'resolutions of finalised minutes only',
  },
  'GET /api/openness/units': { access: ['department', 'staff', 'supervisor'] },
  'POST /api/openness/units': { access: ['staff'] },
  'GET /api/openness/employees': { access: ['staff'] },
  'POST /api/openness/employees': { access: ['staff'] },
  'POST /api/openness/employees/import': { access: ['staff'] },
  'POST /api/openness/employees/{userId}/disable': { access: ['staff'] },
  'POST /api/openness/employees/{userId}/enable': { access: ['staff'] },
  'POST /api/openness/plan': { access: ['staff'] },
  'GET /api/openness/plan': { access: ['department', 'staff', 'supervisor'] },
  'POST /api/openness/plan/reminders': {
    access: ['staff'],
    note: 'each reminder once per plan line and kind',
  },
  'GET /api/openness/records': { access: ['staff', 'supervisor'] },
  'GET /api/openness/records/export': { access: ['staff', 'supervisor'] },
  'POST /api/openness/records/archive': { access: ['staff'] },
  'GET /api/openness/summary.docx': { access: ['staff'] },
  'GET /api/openness/satisfaction/polls': { access: ['staff'] },
  'GET /api/openness/satisfaction': { access: ['staff'] },
  'POST /api/openness/satisfaction': { access: ['staff'] },
  'GET /api/openness/items': {
    access: ['department', 'staff', 'supervisor'],
    note: "a department user: its own department's items only",
  },
  'POST /api/openness/items': { access: ['department'] },
  'POST /api/openness/checks': { access: ['supervisor'] },
  'GET /api/openness/checks': { access: ['staff', 'supervisor'] },
  'GET /api/openness/checks/{id}': { access: ['staff', 'supervisor'] },
  'POST /api/openness/checks/{id}/notices': {
    access: ['supervisor'],
    note: 'one notice per check and department',
  },
  'GET /api/openness/notices': {
    access: ['department', 'staff', 'supervisor'],
    note: 'a department user: the notices sent to its department only',
  },
  'GET /api/openness/items/{id}': {
    access: ['department', 'staff', 'supervisor'],
    note: "a department user: its own department's items only",
  },
  'PATCH /api/openness/items/{id}': {
    access: ['department'],
    note: "a department user: its own department's items only",
  },
  'POST /api/openness/items/{id}/submit': {
    access: ['department'],
    note: "a department user: its own department's items only",
  },
  'POST /api/openness/items/{id}/attachments': {
    access: ['department'],
    note: "a department user: its own department's items only",
  },
  'DELETE /api/openness/attachments/{id}': {
    access: ['department'],
    note: "a department user: its own department's items only",
  },
  'GET /api/openness/attachments/{id}': {
    access: ['department', 'staff', 'supervisor'],
    note: "a department user: its own department's items only",
  },
  'GET /api/openness/items/{id}/opinions': {
    access: ['department', 'staff', 'supervisor'],
    note: "a department user: its own department's items only",
  },
  'POST /api/openness/opinions/{id}/answer': {
    access: ['department', 'staff'],
    note: "a department user: its own department's items only",
  },
  'POST /api/openness/items/{id}/measures': {
    access: ['department', 'staff'],
    note: "a department user: its own department's items only",
  },
  'POST /api/openness/measures/{id}/done': {
    access: ['department', 'staff'],
    note: "a department user: its own department's items only",
  },
  'GET /api/openness/items/{id}/record': {
    access: ['department', 'staff', 'supervisor'],
    note: "a department user: its own department's items only",
  },
  'POST /api/openness/items/{id}/approve': { access: ['staff'] },
  'POST /api/openness/items/{id}/return': { access: ['staff'] },
  'POST /api/openness/items/{id}/publish': { access: ['staff'] },
  'POST /api/openness/items/{id}/close-opinions': { access: ['staff'] },
  'POST /api/openness/items/{id}/close': { access: ['staff'] },
  'GET /api/openness/board': {
    access: ['employee'],
    note: "own unit's items and those of the units above",
  },
  'GET /api/openness/board/archive': {
    access: ['employee'],
    note: "own unit's and those above, whose period has ended",
  },
  'GET /api/openness/board/due': {
    access: ['employee'],
    note: 'plan lines of own unit and those above, due and not published',
  },
  'GET /api/openness/board/items/{id}': {
    access: ['employee'],
    note: "own unit's items and those above; any other is 404",
  },
  'POST /api/openness/board/items/{id}/opinions': {
    access: ['employee'],
    note: "own unit's items and those above; anonymous stores no identity",
  },
  'GET /api/openness/board/attachments/{id}': {
    access: ['employee'],
    note: "own unit's items and those above; any other is 404",
  },
  'GET /api/public/openness/items': {
    access: 'public',
    note: 'published company-level items only',
  },
  'GET /api/public/openness/archive': {
    access: 'public',
    note: 'company-level items whose period has ended',
  },
  'GET /api/public/openness/due': {
    access: 'public',
    note: 'company-level plan lines due and not published',
  },
  'GET /api/public/openness/items/{id}': {
    access: 'public',
    note: 'published company-level items only',
  },
  'GET /api/public/openness/attachments/{id}': {
    access: 'public',
    note: 'published company-level items only',
  },
  'GET /api/public/openness/satisfaction': {
    access: 'public',
    note: "each year's 满意度测评 result, once staff linked a released poll",
  },
  // Tellers' key ceremony and decryption at the close.
  'GET /api/polls/{id}/decryption': {
    access: 'signed-in',
    note: "staff, secretaries and the poll's tellers (object check)",
  },
  'GET /api/polls/{id}/decryption/input': {
    access: 'signed-in',
    note: "the poll's tellers only (object check)",
  },
  'POST /api/polls/{id}/partials': {
    access: 'signed-in',
    note: "the poll's tellers only, their own partial (object check)",
  },
  'GET /api/polls/{id}/board': {
    access: 'signed-in',
    note: "staff and the poll's tellers (object check); encrypted ballots only",
  },
  'GET /api/ceremonies/{id}/following': {
    access: 'signed-in',
    note: "the ceremony's tellers only (object check)",
  },
  'GET /api/ceremonies/{id}/pending': {
    access: 'signed-in',
    note: "the ceremony's tellers only (object check)",
  },
  'POST /api/sessions/{sessionId}/ceremonies': { access: ['staff'] },
  'GET /api/sessions/{sessionId}/ceremonies': {
    access: 'signed-in',
    note: "staff, secretaries and the session's tellers",
  },
  'POST /api/ceremonies/{id}/abandon': { access: ['staff'] },
  'GET /api/ceremonies/{id}': {
    access: 'signed-in',
    note: "staff, secretaries and the ceremony's tellers (object check)",
  },
  'GET /api/tellers/me/ceremonies': { access: 'signed-in', note: 'own ceremonies only' },
  'POST /api/sessions/{sessionId}/slip-batches': {
    access: 'signed-in',
    note: "the tellers of the session's ready ceremony only, once each (object check)",
  },
  'GET /api/sessions/{sessionId}/slip-batches': {
    access: 'signed-in',
    note: "staff, secretaries, the term's seats and the session's tellers (object check)",
  },
  'GET /api/public/sessions/{sessionId}/ceremony': {
    access: 'public',
    note: 'the transcript and fingerprint, no secret',
  },
  'POST /api/ceremonies/{id}/round1': {
    access: 'signed-in',
    note: "the ceremony's tellers only, as themselves (object check)",
  },
  'POST /api/ceremonies/{id}/round2': {
    access: 'signed-in',
    note: "the ceremony's tellers only, as themselves (object check)",
  },
  'POST /api/ceremonies/{id}/complaints': {
    access: 'signed-in',
    note: "the ceremony's tellers only, as themselves (object check)",
  },
  'POST /api/ceremonies/{id}/acks': {
    access: 'signed-in',
    note: "the ceremony's tellers only, as themselves (object check)",
  },
  'GET /api/terms/{termId}/joint-meetings': { access: ['secretary', 'staff'] },
  'POST /api/terms/{termId}/joint-meetings': { access: ['staff'] },
  'GET /api/terms/{termId}/joint-meetings/pending-decisions': { access: ['secretary', 'staff'] },
  'GET /api/joint-meetings/{id}': { access: ['secretary', 'staff'] },
  'POST /api/joint-meetings/{id}/participants': { access: ['staff'] },
  'PATCH /api/joint-meeting-participants/{id}': { access: ['staff'] },
  'POST /api/joint-meetings/{id}/items': {
    access: ['staff'],
    note: 'elect, evaluate and approve are refused (INTERIM_RESERVED_FOR_CONGRESS)',
  },
  'PUT /api/joint-meetings/{id}/record': { access: ['staff'] },
  'POST /api/joint-meeting-items/{id}/confirm': { access: ['staff'] },
  'GET /api/terms/{termId}/inspection-tours': { access: ['secretary', 'staff'] },
  'POST /api/terms/{termId}/inspection-tours': { access: ['staff'] },
  'GET /api/inspection-tours/{id}': { access: ['secretary', 'staff'] },
  'POST /api/inspection-tours/{id}/findings': { access: ['staff'] },
  'GET /api/inspection-findings/mine': { access: ['department'], note: 'own department only' },
  'POST /api/inspection-findings/{id}/progress': {
    access: ['department'],
    note: "own department's findings only (another's is 404)",
  },
  'GET /api/terms/{termId}/assessments': { access: ['admin', 'staff', 'supervisor'] },
  'POST /api/terms/{termId}/assessments': { access: ['staff'] },
  'GET /api/assessments/{id}': { access: ['admin', 'staff', 'supervisor'] },
  'POST /api/assessments/{id}/refresh': { access: ['staff'], note: 'open versions only' },
  'PUT /api/assessments/{id}/criteria/{code}': {
    access: ['staff'],
    note: 'open versions only; changing an automatic verdict needs a reason',
  },
  'POST /api/assessments/{id}/complete': { access: ['staff'] },
  'POST /api/assessments/{id}/revise': {
    access: ['staff'],
    note: 'the latest completed version only',
  },
  'GET /api/assessments/{id}/export.docx': {
    access: ['admin', 'staff', 'supervisor'],
    note: 'completed versions only',
  },
};

/** Every socket request (libs/contracts SOCKET_REQUESTS) and `ping`. */
export const SOCKET_ACCESS: Record<string, AccessEntry> = {
  ping: { access: 'signed-in' },
  'agenda:inbox': { access: ['attendee', 'delegate'], note: 'own deliveries' },
  'agenda:sign': { access: ['attendee', 'delegate'], note: 'own delivery' },
  'session:join': {
    access: ['attendee', 'delegate', 'secretary', 'staff'],
    note: "staff and secretaries any session; tablets their term's sessions",
  },
  'session:check-in': { access: ['attendee', 'delegate'], note: 'own seat' },
  'poll:cast': {
    access: ['delegate'],
    note: 'own seat, checked in, once (one-ballot rule in the database)',
  },
  'poll:state': {
    access: ['attendee', 'delegate', 'secretary', 'staff'],
    note: "tablets their term's sessions",
  },
};

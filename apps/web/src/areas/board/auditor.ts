import type { BallotAudit } from '@libs/ballot/src/index.js';
import type { AuditedPoll, AuditOutcome } from './audit-ballot.js';
import type { AuditRequest } from './audit.worker.js';

/** Checks one audit in a fresh Web Worker (libs/ballot stays out of the page's own chunk). */
export function auditInWorker(audit: BallotAudit, poll: AuditedPoll): Promise<AuditOutcome> {
  const worker = new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<AuditOutcome>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<AuditOutcome>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message || '核对程序出错'));
    worker.postMessage({ audit, poll } satisfies AuditRequest);
  }).finally(() => worker.terminate());
}

import type {
  Agree,
  Difference,
  AgendaItemKind as ContractAgendaItemKind,
  ReceiptMethod as ContractReceiptMethod,
} from '../common/contracts.js';

/** Kinds of agenda item: the congress's powers, and plain reports (docs/rules.md, "Circulation"). */
export enum AgendaItemKind {
  Report = 'report',
  Deliberate = 'deliberate',
  Approve = 'approve',
  Decide = 'decide',
  Evaluate = 'evaluate',
  Elect = 'elect',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _AgendaItemKindContract = Agree<Difference<`${AgendaItemKind}`, ContractAgendaItemKind>>;

export const AGENDA_KIND_LABELS: Record<AgendaItemKind, string> = {
  [AgendaItemKind.Report]: '报告',
  [AgendaItemKind.Deliberate]: '审议建议',
  [AgendaItemKind.Approve]: '审议通过',
  [AgendaItemKind.Decide]: '审议决定',
  [AgendaItemKind.Evaluate]: '民主评议',
  [AgendaItemKind.Elect]: '民主选举',
};

/** Kinds that are put to a vote, and so need a vote specification. */
export const VOTED_KINDS: ReadonlySet<AgendaItemKind> = new Set([
  AgendaItemKind.Approve,
  AgendaItemKind.Decide,
  AgendaItemKind.Evaluate,
  AgendaItemKind.Elect,
]);

export enum ReceiptMethod {
  Tablet = 'tablet',
  Paper = 'paper',
}
// The same values as the client contract (libs/contracts): a difference does not compile.
type _ReceiptMethodContract = Agree<Difference<`${ReceiptMethod}`, ContractReceiptMethod>>;

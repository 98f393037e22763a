/**
 * The printable 代表证 sheet: A4, 2 × 4 cut-out cards a page, each with the term, the name, 代表团,
 * 工号, whether a voting delegate or 列席, the 证号 (the card code, grouped) and a QR code of it for
 * the door. Pure: the caller issues the codes. Drawing helpers are the log-in sheet's.
 */
import { cjkPdf } from '../../common/fonts/cjk-pdf.js';
import { formatShanghai } from '../../common/time.js';
import {
  BOLD,
  CARD_H,
  CARD_W,
  CARDS_PER_PAGE,
  CARD_COLUMNS,
  type Doc,
  drawCutLines,
  drawFooter,
  drawQr,
  GRID_TOP,
  HEADER_RULE_Y,
  loginSheetPageCount,
  MARGIN_X,
  MUTED,
  PAGE_W,
  put,
  REGULAR,
  rule,
} from '../login-sheet/login-sheet.js';
import { RosterKind } from '../roster.enums.js';
import { cardQrText, formatCardCode } from './card-code.js';

export interface DelegateCardEntry {
  name: string;
  employeeNumber: string;
  kind: RosterKind;
  groupName: string | null;
  /** The card code as issued. */
  code: string;
}

export interface DelegateCardInput {
  /** The term's name, e.g. `第五届职工代表大会`. */
  termName: string;
  entries: DelegateCardEntry[];
  generatedAt: Date;
}

const PAD = 14;
const QR_SIZE = 112;
const LEFT_W = CARD_W - 2 * PAD - QR_SIZE - 10;
export const CARD_NOTE =
  '代表证仅用于会场签到，不能用于登录或投票；遗失请联系工作人员补发，补发后原证作废。';

export async function renderDelegateCardsPdf(input: DelegateCardInput): Promise<Buffer> {
  const generated = formatShanghai(input.generatedAt);
  const { doc, done } = cjkPdf({
    title: `${input.termName} 代表证`,
    subject: '代表证',
    generatedAt: input.generatedAt,
    autoFirstPage: false,
  });

  const pages = loginSheetPageCount(input.entries.length);
  for (let page = 0; page < pages; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    drawHeader(doc, input);
    drawFooter(doc, generated, page + 1, pages, CARD_NOTE);
    const onPage = input.entries.slice(page * CARDS_PER_PAGE, (page + 1) * CARDS_PER_PAGE);
    drawCutLines(doc, onPage.length);
    onPage.forEach((entry, i) => {
      const x = MARGIN_X + (i % CARD_COLUMNS) * CARD_W;
      const y = GRID_TOP + Math.floor(i / CARD_COLUMNS) * CARD_H;
      drawCard(doc, entry, x, y, input.termName);
    });
  }
  doc.end();
  return done;
}

function drawHeader(doc: Doc, input: DelegateCardInput): void {
  const countText = `共 ${input.entries.length} 张`;
  doc.font(REGULAR).fontSize(9);
  const countW = doc.widthOfString(countText);
  const titleW = PAGE_W - 2 * MARGIN_X - countW - 16;
  put(doc, `${input.termName} 代表证`, MARGIN_X, 22, {
    font: BOLD,
    size: 15,
    minSize: 10,
    width: titleW,
  });
  put(doc, '沿虚线剪下；会场入口由工作人员扫描二维码签到', MARGIN_X, 45, {
    size: 10,
    width: titleW,
    color: MUTED,
  });
  put(doc, countText, PAGE_W - MARGIN_X - countW, 47, { size: 9, width: countW, color: MUTED });
  rule(doc, HEADER_RULE_Y);
}

function drawCard(doc: Doc, e: DelegateCardEntry, x: number, y: number, termName: string): void {
  const left = x + PAD;
  const inner = CARD_W - 2 * PAD;
  put(doc, termName, left, y + 8, { size: 8, minSize: 6, width: inner, color: MUTED });
  put(doc, e.kind === RosterKind.Attendee ? '列席代表证' : '代表证', left, y + 20, {
    font: BOLD,
    size: 11,
    width: inner,
  });
  put(doc, e.name, left, y + 38, { font: BOLD, size: 22, minSize: 12, width: LEFT_W });

  const field = (label: string, value: string, top: number) => {
    doc.font(REGULAR).fontSize(9);
    const labelW = doc.widthOfString(label);
    put(doc, label, left, top, { size: 9, width: labelW, color: MUTED });
    put(doc, value, left + labelW, top, { size: 9, minSize: 6.5, width: LEFT_W - labelW });
  };
  field('代表团：', e.groupName ?? '—', y + 74);
  field('工号：', e.employeeNumber, y + 89);

  put(doc, '代表证号', left, y + 110, { size: 8, width: LEFT_W, color: MUTED });
  put(doc, formatCardCode(e.code), left, y + 119, {
    font: BOLD,
    size: 15,
    minSize: 9,
    width: LEFT_W,
    characterSpacing: 1,
  });

  const qrX = x + CARD_W - PAD - QR_SIZE;
  const qrY = y + 40;
  drawQr(doc, cardQrText(e.code), qrX, qrY, QR_SIZE);
  doc.font(REGULAR).fontSize(7);
  const scan = '会场签到码（不能用于登录）';
  put(doc, scan, qrX + (QR_SIZE - doc.widthOfString(scan)) / 2, qrY + QR_SIZE + 1, {
    size: 7,
    width: QR_SIZE,
    color: MUTED,
  });
}

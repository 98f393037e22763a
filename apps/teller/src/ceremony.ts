import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';
import {
  ceremonyRound1,
  ceremonyRound2,
  finalizeKey,
  receiveShares,
  recoverySheet,
  sealTellerSecret,
  shortFingerprint,
  type Round1Message,
  type Round2Message,
} from '../../../libs/ballot/src/index.js';
import type { TellerApi } from './api.js';
import { say, waitFor } from './io.js';

interface CeremonyView {
  id: string;
  ceremonyId: string;
  tellers: number;
  threshold: number;
  status: 'collecting' | 'ready' | 'failed';
  received: { round1: number; round2: number; complaint: number; ack: number };
  shortFingerprint: string | null;
  failure: { reason: string } | null;
  messages: { round1: Round1Message[]; round2: Round2Message[] };
}

export interface CeremonyOptions {
  /** The ceremony row id; default: the newest one of mine still collecting. */
  ceremony?: string;
  sharePath: string;
  sheetPath: string;
  passphrase: string;
  timeoutMs: number;
}

/**
 * This device's part in the key ceremony: round 1, round 2 once every round 1 is in, the shares
 * addressed to it checked (a bad one is a public complaint), the acknowledgement; then the secret
 * is sealed under the passphrase into a file and a recovery sheet (text and QR) is written. The
 * secret is only in this process's memory and in the sealed file; a crash mid-way means staff
 * abandon the ceremony and start a new one.
 */
export async function runCeremony(api: TellerApi, o: CeremonyOptions): Promise<string> {
  const mine = await api.get<{ index: number; ceremony: CeremonyView }[]>(
    '/api/tellers/me/ceremonies',
  );
  const entry = o.ceremony
    ? mine.find((m) => m.ceremony.id === o.ceremony)
    : mine.find((m) => m.ceremony.status === 'collecting');
  if (!entry) throw new Error('没有找到您担任监票人且正在进行的密钥仪式');
  const { index } = entry;
  const id = entry.ceremony.id;
  const view = () => api.get<CeremonyView>(`/api/ceremonies/${id}`);
  const c = entry.ceremony;
  say(
    `密钥仪式 ${id}：您是第 ${index} 号监票人（共 ${c.tellers} 人，任意 ${c.threshold} 人可解密）`,
  );
  const params = { ceremonyId: c.ceremonyId, threshold: c.threshold, tellers: c.tellers };

  const r1 = ceremonyRound1({ ...params, index });
  await api.post(`/api/ceremonies/${id}/round1`, { message: r1.message });
  say('第一轮已提交，等待其他监票人……');
  const all1 = await waitFor(view, (v) => live(v) && v.received.round1 === c.tellers, o.timeoutMs);
  const round2 = ceremonyRound2(r1.state, all1.messages.round1);
  await api.post(`/api/ceremonies/${id}/round2`, { message: round2.message });
  say(`第二轮已提交（密钥短指纹 ${shortFingerprint(round2.key.fingerprint)}），等待其他监票人……`);
  const all2 = await waitFor(view, (v) => live(v) && v.received.round2 === c.tellers, o.timeoutMs);
  const received = receiveShares(r1.state, all2.messages.round1, all2.messages.round2);
  if (received.complaints.length > 0) {
    for (const complaint of received.complaints)
      await api.post(`/api/ceremonies/${id}/complaints`, { message: complaint });
    throw new Error(
      `收到无效的份额，已提出申诉（${received.complaints.map((x) => x.accused).join('、')} 号）；本次仪式须重新进行`,
    );
  }
  const { secret, ack } = finalizeKey(r1.state, all2.messages.round1, received);
  // Sealed and written before the acknowledgement: a ready key always has this device's share.
  const sealed = await sealTellerSecret(secret, o.passphrase);
  await writeFile(o.sharePath, JSON.stringify(sealed, null, 2) + '\n', { mode: 0o600 });
  const sheet = recoverySheet(secret);
  const qr = await QRCode.toString(sheet.qr, { type: 'utf8', errorCorrectionLevel: 'M' });
  await writeFile(
    o.sheetPath,
    [
      '监票人密钥恢复单（请打印后密封保管，切勿拍照或发送）',
      `密钥仪式：${c.ceremonyId}`,
      `监票人编号：${index}`,
      `密钥短指纹：${shortFingerprint(secret.fingerprint)}`,
      '',
      ...sheet.lines,
      '',
      qr,
    ].join('\n'),
    { mode: 0o600 },
  );
  await QRCode.toFile(`${o.sheetPath}.png`, sheet.qr, { errorCorrectionLevel: 'M' });
  await api.post(`/api/ceremonies/${id}/acks`, { message: ack });
  say(`份额已加密保存到 ${o.sharePath}，恢复单已写入 ${o.sheetPath}（及 .png 二维码）`);
  const done = await waitFor(view, (v) => v.status !== 'collecting', o.timeoutMs);
  if (done.status !== 'ready') throw new Error(`密钥仪式失败：${done.failure?.reason ?? ''}`);
  say(`密钥仪式完成。密钥短指纹：${done.shortFingerprint}（请与大屏显示核对）`);
  return done.shortFingerprint!;
}

/** A failed ceremony stops the wait at once. */
function live(v: CeremonyView): boolean {
  if (v.status === 'failed') throw new Error(`密钥仪式失败：${v.failure?.reason ?? ''}`);
  return true;
}

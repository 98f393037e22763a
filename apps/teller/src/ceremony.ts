import { readFile, rm, writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';
import {
  ceremonyRound1,
  ceremonyRound2,
  finalizeKey,
  openRoundState,
  receiveShares,
  recoverySheet,
  sealRoundState,
  sealTellerSecret,
  shortFingerprint,
  type Acknowledgement,
  type Round1Message,
  type Round2Message,
  type RoundState,
  type SealedRoundState,
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
  messages: { round1: Round1Message[]; round2: Round2Message[]; ack: Acknowledgement[] };
}

export interface CeremonyOptions {
  /** The ceremony row id; default: the newest one of mine still collecting. */
  ceremony?: string;
  sharePath: string;
  sheetPath: string;
  /** The round state, sealed under the passphrase while the ceremony runs (a restart resumes). */
  statePath: string;
  passphrase: string;
  timeoutMs: number;
}

/**
 * This device's part in the key ceremony: round 1, round 2 once every round 1 is in, the shares
 * addressed to it checked (a bad one is a public complaint), the acknowledgement; then the secret
 * is sealed under the passphrase into a file and a recovery sheet (text and QR) is written.
 * From round 1 until the ceremony is over, the round state is kept sealed under the passphrase in
 * `statePath`: a command restarted mid-way (a crash, a closed laptop) opens it and continues,
 * sending only what the server does not hold yet; it is deleted when the ceremony is over.
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

  const round = await roundState(o, id, { ...params, index });
  if (!(await view()).messages.round1.some((m) => m.index === index))
    await api.post(`/api/ceremonies/${id}/round1`, { message: round.message });
  say('第一轮已提交，等待其他监票人……');
  const all1 = await waitFor(view, (v) => live(v) && v.received.round1 === c.tellers, o.timeoutMs);
  const round2 = ceremonyRound2(round.state, all1.messages.round1);
  if (!all1.messages.round2.some((m) => m.from === index))
    await api.post(`/api/ceremonies/${id}/round2`, { message: round2.message });
  say(`第二轮已提交（密钥短指纹 ${shortFingerprint(round2.key.fingerprint)}），等待其他监票人……`);
  const all2 = await waitFor(view, (v) => live(v) && v.received.round2 === c.tellers, o.timeoutMs);
  const received = receiveShares(round.state, all2.messages.round1, all2.messages.round2);
  if (received.complaints.length > 0) {
    for (const complaint of received.complaints)
      await api.post(`/api/ceremonies/${id}/complaints`, { message: complaint });
    await rm(o.statePath, { force: true });
    throw new Error(
      `收到无效的份额，已提出申诉（${received.complaints.map((x) => x.accused).join('、')} 号）；本次仪式须重新进行`,
    );
  }
  const { secret, ack } = finalizeKey(round.state, all2.messages.round1, received);
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
  if (!(await view()).messages.ack.some((a) => a.index === index))
    await api.post(`/api/ceremonies/${id}/acks`, { message: ack });
  say(`份额已加密保存到 ${o.sharePath}，恢复单已写入 ${o.sheetPath}（及 .png 二维码）`);
  const done = await waitFor(view, (v) => v.status !== 'collecting', o.timeoutMs);
  // Over: the round state is of no further use and holds the polynomial.
  await rm(o.statePath, { force: true });
  if (done.status !== 'ready') throw new Error(`密钥仪式失败：${done.failure?.reason ?? ''}`);
  say(`密钥仪式完成。密钥短指纹：${done.shortFingerprint}（请与大屏显示核对）`);
  return done.shortFingerprint!;
}

/**
 * Round 1 made here and sealed into the state file, or, when the file holds this ceremony's
 * state (a restart), opened from it with the passphrase.
 */
async function roundState(
  o: CeremonyOptions,
  id: string,
  params: Parameters<typeof ceremonyRound1>[0],
): Promise<RoundState> {
  const kept = await readFile(o.statePath, 'utf8').then(
    (text) => JSON.parse(text) as SealedRoundState & { id?: string },
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    },
  );
  if (kept && kept.id === id && kept.index === params.index) {
    say(`在 ${o.statePath} 找到本次仪式的进行状态：从中断处继续`);
    const { id: _row, ...sealed } = kept;
    return openRoundState(sealed, o.passphrase);
  }
  const round = ceremonyRound1(params);
  const sealed = await sealRoundState(round, o.passphrase);
  await writeFile(o.statePath, JSON.stringify({ ...sealed, id }, null, 2) + '\n', { mode: 0o600 });
  return round;
}

/** A failed ceremony stops the wait at once. */
function live(v: CeremonyView): boolean {
  if (v.status === 'failed') throw new Error(`密钥仪式失败：${v.failure?.reason ?? ''}`);
  return true;
}

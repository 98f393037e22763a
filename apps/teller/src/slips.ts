import { randomBytes } from 'node:crypto';
import { access, link, open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { generateSlipBatch, slipBatchDigest } from '../../../libs/ballot/src/index.js';
import { ApiError, isTransient, type TellerApi } from './api.js';
import { say } from './io.js';
import { renderSlipSheet } from './slips-pdf.js';

interface Mine {
  index: number;
  ceremony: { id: string; sessionId: string; status: string };
}

/** The api's view of one uploaded batch (no keys). */
interface SlipBatchView {
  teller: number;
  count: number;
  digest: string;
  uploadedAt: string;
}

export interface SlipsOptions {
  /** The session; default: the session of the newest ready ceremony this account is a teller of. */
  session?: string;
  /** Slips to print; default: the serving delegates plus spares (`defaultSlipCount`). */
  count?: number;
  out: string;
  generatedAt: Date;
}

/**
 * Spares on top of the serving delegates: 10 %, at least 5 (a misprint, a torn slip, a delegate
 * who draws two stuck together). The spares are destroyed after the session.
 */
export function defaultSlipCount(serving: number): number {
  return serving + Math.max(5, Math.ceil(serving * 0.1));
}

/**
 * This teller's ballot slips for a session: a batch of key pairs made here, the PDF written
 * first (whole, synced, never over an existing file), then the public keys uploaded. An upload
 * that fails deletes the PDF: a slip whose key is not published must never be handed out. The
 * secret keys go into the PDF and nowhere else (not the console, not a file of their own).
 */
export async function printSlips(
  api: TellerApi,
  o: SlipsOptions,
): Promise<{ path: string; count: number; digest: string }> {
  const path = resolve(o.out);
  if (await exists(path)) throw new Error(`${path} 已存在，不覆盖；请换一个 --out 文件名`);
  const mine = await api.get<Mine[]>('/api/tellers/me/ceremonies');
  const ready = mine.filter((m) => m.ceremony.status === 'ready');
  const entry = o.session ? ready.find((m) => m.ceremony.sessionId === o.session) : ready[0];
  if (!entry)
    throw new Error(
      o.session
        ? '您不是该会议已就绪密钥仪式的监票人'
        : '没有找到您担任监票人且已就绪的密钥仪式（可用 --session 指定会议）',
    );
  const sessionId = entry.ceremony.sessionId;
  const teller = entry.index;
  const session = await api.get<{ name: string }>(`/api/sessions/${sessionId}`);
  const batches = `/api/sessions/${sessionId}/slip-batches`;
  const before = await api.get<{ batches: SlipBatchView[] }>(batches);
  if (before.batches.some((b) => b.teller === teller))
    throw new Error(`第 ${teller} 号监票人已上传过本次会议的投票凭证，每人只能上传一次`);
  const count = o.count ?? (await servingCount(api, sessionId, defaultSlipCount));
  say(`会议「${session.name}」：您是第 ${teller} 号监票人，生成 ${count} 张投票凭证……`);

  const { batch, slips } = generateSlipBatch({ sessionId, teller, count });
  const digest = slipBatchDigest(batch);
  const pdf = await renderSlipSheet({
    sessionId,
    sessionName: session.name,
    teller,
    slips,
    digest,
    generatedAt: o.generatedAt,
  });
  await writeNewFile(path, pdf);

  let view: SlipBatchView | undefined;
  try {
    view = await api.post<SlipBatchView>(batches, { publicKeys: batch.publicKeys });
  } catch (e) {
    if (isTransient(e)) view = await storedAnyway(api, batches, teller, digest);
    if (!view) {
      await rm(path, { force: true });
      throw new Error(
        `上传失败，已删除 ${path}（公钥未公布的凭证不得发放）：${(e as Error).message}`,
        { cause: e },
      );
    }
  }
  if (view.digest !== digest || view.count !== count) {
    await rm(path, { force: true });
    throw new Error(
      `服务器记下的批次（${view.count} 张，摘要 ${view.digest.slice(0, 16)}）与本机生成的不符，已删除 ${path}`,
    );
  }
  say(`已上传 ${count} 张投票凭证，批次摘要 ${digest.slice(0, 16)}`);
  say(`请打印 ${path}（第 1 页为监票人自留页，说明怎样裁剪、密封和装箱）`);
  return { path, count, digest };
}

/**
 * After a lost answer (the Wi-Fi, an api restart) the api may have stored the batch all the same:
 * then it is this one, uploaded. Asked once; still no answer counts as not uploaded.
 */
async function storedAnyway(
  api: TellerApi,
  batches: string,
  teller: number,
  digest: string,
): Promise<SlipBatchView | undefined> {
  try {
    const now = await api.get<{ batches: SlipBatchView[] }>(batches);
    return now.batches.find((b) => b.teller === teller && b.digest === digest);
  } catch (again) {
    say(`无法确认上传结果（${(again as Error).message}）`);
    return undefined;
  }
}

/**
 * The session's serving delegates, from the attendance summary (staff, secretaries and the
 * term's delegates may read it); a teller's account that may not is asked for `--count`.
 */
async function servingCount(
  api: TellerApi,
  sessionId: string,
  plusSpares: (serving: number) => number,
): Promise<number> {
  try {
    const s = await api.get<{ total: number }>(`/api/sessions/${sessionId}/attendance/summary`);
    return plusSpares(s.total);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403)
      throw new Error(
        '本账号不能读取会议的在任代表人数：请用 --count 指定张数（不少于在任代表数，另加一成备用）',
        { cause: e },
      );
    throw e;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
}

/**
 * Writes `bytes` to a new file at `path` so that it is either absent or whole: a temporary file
 * beside it (mode 600), synced, then linked to its name — a link never replaces an existing file,
 * unlike a rename — and the directory synced. Filesystems without hard links (a FAT USB stick)
 * get a checked rename instead.
 */
export async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(tmp, 'wx', 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await placeWithoutReplacing(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

async function placeWithoutReplacing(tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${path} 已存在，不覆盖`, { cause: e });
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw e;
    if (await exists(path)) throw new Error(`${path} 已存在，不覆盖`, { cause: e });
    await rename(tmp, path);
  }
}

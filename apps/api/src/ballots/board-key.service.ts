import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { boardKeyPair, type Receipt, receiptBytes, type SignedReceipt } from '../common/ballot.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';

interface KeyFile {
  version: 1;
  algorithm: 'Ed25519';
  publicKey: string;
  secretKey: string;
  createdAt: string;
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), so node:crypto signs with it.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The server's board key (Ed25519): it signs every receipt, so a delegate holds the server's own
 * word for where their ballot stands on the board and what the chain's head was. It is the
 * server's key, not a ballot key: it opens no ballot.
 *
 * Kept in a file (BOARD_KEY_FILE, default <DATA_DIR>/board-signing-key.json, mode 0600), not in
 * the database: a signed receipt must prove what this server acknowledged, and it could not if
 * anyone holding a database dump or backup could sign one. Created on first start and kept
 * across restarts. Every api process of one installation must be given the same file: a poll
 * pins the public key when it opens, and a process holding another key refuses its ballots.
 */
@Injectable()
export class BoardKeyService implements OnModuleInit {
  private readonly logger = new Logger('BoardKey');
  private secret?: KeyObject;
  private publicHex = '';

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const file = await this.loadOrCreate(this.config.boardKeyFile);
    this.secret = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, Buffer.from(file.secretKey, 'hex')]),
      format: 'der',
      type: 'pkcs8',
    });
    const x = createPublicKey(this.secret).export({ format: 'jwk' }).x!;
    if (Buffer.from(x, 'base64url').toString('hex') !== file.publicKey)
      throw new Error(`${this.config.boardKeyFile}: the public key is not the secret key's`);
    this.publicHex = file.publicKey;
  }

  /** The public key every record of this server's polls publishes (hex). */
  get publicKey(): string {
    return this.publicHex;
  }

  /** Signs a receipt (the same bytes and signature as libs/ballot `signReceipt`, with node:crypto's speed). */
  sign(r: Receipt): SignedReceipt {
    const signature = sign(null, receiptBytes(r), this.secret!).toString('hex');
    return { ...r, signature };
  }

  private async loadOrCreate(file: string): Promise<KeyFile> {
    const existing = await readKey(file);
    if (existing) return existing;
    await mkdir(path.dirname(file), { recursive: true });
    const pair = boardKeyPair();
    const fresh: KeyFile = {
      version: 1,
      algorithm: 'Ed25519',
      ...pair,
      createdAt: this.clock.now().toISOString(),
    };
    // Written whole under a temporary name, then linked into place: a second process starting at
    // the same moment either wins or reads the winner's key, never half a file.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(fresh, null, 2) + '\n', { mode: 0o600 });
    try {
      await link(tmp, file);
      this.logger.log({ file, publicKey: fresh.publicKey }, 'board signing key created');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await rm(tmp, { force: true });
    }
    const saved = await readKey(file);
    if (!saved) throw new Error(`${file}: the board signing key could not be read back`);
    return saved;
  }
}

async function readKey(file: string): Promise<KeyFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const k = JSON.parse(text) as KeyFile;
  const hex = /^[0-9a-f]{64}$/;
  if (
    k.version !== 1 ||
    k.algorithm !== 'Ed25519' ||
    !hex.test(k.secretKey) ||
    !hex.test(k.publicKey)
  )
    throw new Error(`${file} is not a board signing key file`);
  return k;
}

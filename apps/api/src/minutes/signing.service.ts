import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { BoardService } from '../ballots/board.service.js';
import { PollsService } from '../ballots/polls.service.js';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/db-errors.js';
import {
  canonicalJson,
  checkSignatures,
  hashJson,
  isValidPublicKey,
  keyFingerprint,
  talliesOf,
  type MinutesDocument,
  type MinutesSignature,
  type SignatureAlgorithm,
} from '../common/minutes.js';
import { SessionsService } from '../congress/sessions.service.js';
import { SeatsService } from '../roster/seats.service.js';
import { Role } from '../users/role.enum.js';
import { ArchiveService, type NewArchiveEntry } from './archive.service.js';
import type { SubmitSignatureDto } from './dto/minutes.dto.js';
import type { Signing } from './dto/minutes.responses.js';
import { Minutes, MinutesStatus } from './minutes.entity.js';
import { MinutesErrorCode, MinutesException } from './minutes.exception.js';
import { MinutesSignatureRow } from './minutes-signature.entity.js';
import { RecordAssembler } from './record-assembler.js';
import { SignerKey } from './signer-key.entity.js';

/**
 * Who must sign (libs/minutes' default policy): the recorder (secretary) and a presiding chair
 * sign the whole minutes; one teller signs each tally. Minutes that name no tellers have nobody
 * to sign their tallies, and the status says so instead of waiting forever.
 */
export const NO_TELLERS_NOTE =
  '本届名册中没有监票人（代表的监票人标记）：计票结果将没有监票人签名。如需监票人签署，请在定稿前于名册中标记监票人';

export type SignerAs = { role: MinutesSignature['role']; name: string };

/** Signers' public keys, signatures checked against them, and archiving when complete. */
@Injectable()
export class SigningService {
  constructor(
    @InjectRepository(SignerKey) private readonly keys: Repository<SignerKey>,
    @InjectRepository(MinutesSignatureRow)
    private readonly signatures: Repository<MinutesSignatureRow>,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly polls: PollsService,
    private readonly board: BoardService,
    private readonly assembler: RecordAssembler,
    private readonly archive: ArchiveService,
    private readonly clock: Clock,
  ) {}

  /** Registers a public key made in the caller's browser (the private key stays there). */
  async register(
    algorithm: SignatureAlgorithm,
    publicKey: string,
    auth: AuthContext,
  ): Promise<SignerKey> {
    if (!isValidPublicKey(algorithm, publicKey))
      throw new MinutesException(MinutesErrorCode.KeyInvalid, { algorithm });
    const row = this.keys.create({
      userId: auth.userId,
      algorithm,
      publicKey,
      fingerprint: keyFingerprint(algorithm, publicKey),
      registeredAt: this.clock.now(),
    });
    try {
      await this.keys.insert(row);
    } catch (e) {
      if (isUniqueViolation(e)) throw new MinutesException(MinutesErrorCode.KeyTaken);
      throw e;
    }
    return row;
  }

  keysOf(userId: string): Promise<SignerKey[]> {
    return this.keys.find({ where: { userId }, order: { registeredAt: 'DESC' } });
  }

  async signaturesOf(minutesId: string, m?: EntityManager): Promise<MinutesSignature[]> {
    const rows = await (m ?? this.signatures.manager).find(MinutesSignatureRow, {
      where: { minutesId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => JSON.parse(r.signature) as MinutesSignature);
  }

  /** Where the signatures of frozen minutes stand: every check and what is missing. */
  async status(minutes: Minutes): Promise<Signing | null> {
    if (minutes.document === null) return null;
    const doc = JSON.parse(minutes.document) as MinutesDocument;
    const signatures = await this.signaturesOf(minutes.id);
    return {
      documentHash: minutes.documentHash!,
      signatures,
      report: checkSignatures(doc, signatures),
    };
  }

  /** Staff and secretaries read minutes; a delegate only as a chair or teller of the session. */
  async mayRead(minutes: Minutes, auth: AuthContext): Promise<boolean> {
    if (auth.role === Role.Staff || auth.role === Role.Secretary) return true;
    if (auth.role !== Role.Delegate) return false;
    const chairs = await this.assembler.chairsOf(minutes.sessionId);
    return (
      chairs.some((c) => c.userId === auth.userId) ||
      (await this.tellerName(minutes.sessionId, auth.userId)) !== undefined
    );
  }

  /**
   * Every role in which the minutes name the caller, with the name they give: the recorder for
   * `secretary`, a presiding chair of the session for `chair`, a teller of the term for `teller`.
   */
  async signerRoles(
    minutes: Minutes,
    doc: MinutesDocument,
    auth: AuthContext,
  ): Promise<SignerAs[]> {
    const roles: SignerAs[] = [];
    if (auth.role === Role.Secretary && auth.userId === minutes.recorderUserId)
      roles.push({ role: 'secretary', name: doc.recorder.name });
    if (auth.role !== Role.Delegate) return roles;
    const chair = (await this.assembler.chairsOf(minutes.sessionId)).find(
      (c) => c.userId === auth.userId,
    )?.name;
    if (chair && doc.chairs.some((p) => p.name === chair))
      roles.push({ role: 'chair', name: chair });
    const teller = await this.tellerName(minutes.sessionId, auth.userId);
    if (teller && doc.tellers.some((p) => p.name === teller))
      roles.push({ role: 'teller', name: teller });
    return roles;
  }

  /** The name the minutes give the caller in `role`, or 403. */
  async signerName(
    minutes: Minutes,
    doc: MinutesDocument,
    role: MinutesSignature['role'],
    auth: AuthContext,
  ): Promise<string> {
    const found = (await this.signerRoles(minutes, doc, auth)).find((r) => r.role === role);
    if (!found) throw new MinutesException(MinutesErrorCode.NotSigner, { role });
    return found.name;
  }

  /**
   * Frozen minutes (final or archived, newest first) in which the caller is a signer, and whether
   * the caller still owes a signature (a teller owes one per tally).
   */
  async tasksOf(
    auth: AuthContext,
  ): Promise<{ minutes: Minutes; signAs: SignerAs[]; pending: boolean }[]> {
    const frozen = await this.signatures.manager.find(Minutes, {
      where: { status: In([MinutesStatus.Final, MinutesStatus.Archived]) },
      order: { finalisedAt: 'DESC' },
      take: 50,
    });
    const tasks: { minutes: Minutes; signAs: SignerAs[]; pending: boolean }[] = [];
    for (const m of frozen) {
      const doc = JSON.parse(m.document!) as MinutesDocument;
      const signAs = await this.signerRoles(m, doc, auth);
      if (signAs.length === 0) continue;
      const mine = await this.signatures.findBy({ minutesId: m.id, userId: auth.userId });
      const owed = (role: SignerAs['role']) => (role === 'teller' ? talliesOf(doc).length : 1);
      const pending =
        m.status === MinutesStatus.Final &&
        signAs.some((as) => mine.filter((r) => r.role === as.role).length < owed(as.role));
      tasks.push({ minutes: m, signAs, pending });
    }
    return tasks;
  }

  private async tellerName(sessionId: string, userId: string): Promise<string | undefined> {
    const session = await this.sessions.get(sessionId);
    const seat = await this.seats.delegateSeat(session.termId, userId);
    return seat?.teller ? seat.name : undefined;
  }

  /**
   * A signature made in the signer's browser: by a person the minutes name in that role, with a
   * key that person registered, valid over this frozen document (or one of its tallies). When it
   * completes the required set, the minutes and their election records are archived at once.
   */
  async submit(minutesId: string, dto: SubmitSignatureDto, auth: AuthContext): Promise<void> {
    const minutes = await this.signatures.manager.findOneBy(Minutes, { id: minutesId });
    if (!minutes) throw new MinutesException(MinutesErrorCode.NotFound);
    if (minutes.status !== MinutesStatus.Final || minutes.document === null)
      throw new MinutesException(MinutesErrorCode.NotFinal, { status: minutes.status });
    const doc = JSON.parse(minutes.document) as MinutesDocument;
    const name = await this.signerName(minutes, doc, dto.role, auth);
    if (dto.signer !== name)
      throw new MinutesException(MinutesErrorCode.WrongSignerName, { expected: name });
    const key = await this.keys.findOneBy({
      userId: auth.userId,
      fingerprint: dto.keyFingerprint,
      publicKey: dto.publicKey,
      algorithm: dto.algorithm,
    });
    if (!key) throw new MinutesException(MinutesErrorCode.KeyNotRegistered);
    const sig = plainSignature(dto);
    const alone = checkSignatures(doc, [sig], { minutesRoles: [], tellersPerTally: 0 });
    if (!alone.ok) throw new MinutesException(MinutesErrorCode.BadSignature, alone.firstFailure);

    await this.signatures.manager.transaction(async (m) => {
      // One signer at a time per minutes, so exactly one of them archives.
      const locked = await m
        .createQueryBuilder(Minutes, 'm')
        .setLock('pessimistic_write')
        .where('m.id = :id', { id: minutesId })
        .getOneOrFail();
      if (locked.status !== MinutesStatus.Final)
        throw new MinutesException(MinutesErrorCode.NotFinal, { status: locked.status });
      try {
        await m.insert(MinutesSignatureRow, {
          minutesId,
          role: sig.role,
          userId: auth.userId,
          keyId: key.id,
          pollId: sig.subject.kind === 'tally' ? sig.subject.pollId : null,
          signature: canonicalJson(sig),
          signedAt: new Date(sig.signedAt),
          receivedAt: this.clock.now(),
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new MinutesException(MinutesErrorCode.AlreadySigned);
        throw e;
      }
      const all = await this.signaturesOf(minutesId, m);
      if (checkSignatures(doc, all).ok) await this.archiveNow(m, locked, doc, all);
    });
  }

  /** The minutes (or correction) and each secret poll's election record, chained. */
  private async archiveNow(
    m: EntityManager,
    minutes: Minutes,
    doc: MinutesDocument,
    signatures: MinutesSignature[],
  ): Promise<void> {
    const [entry] = await this.archive.append(m, [
      {
        kind: doc.corrects ? 'correction' : 'minutes',
        title: doc.title,
        contentHash: minutes.documentHash!,
        links: doc.corrects ? { corrects: doc.corrects.seq } : {},
        content: minutes.document!,
        signatures,
      },
    ]);
    const records: NewArchiveEntry[] = [];
    for (const { tally } of talliesOf(doc)) {
      if (!tally.method.secret) continue;
      const published = await this.board.record(await this.polls.get(tally.pollId));
      // libs/ballot's own member order: its verifier compares serialised values.
      const record = 'electionRecord' in published ? published.electionRecord : published;
      const content = JSON.stringify({ pollId: tally.pollId, record });
      records.push({
        kind: 'election_record',
        title: `${tally.title}（选举记录）`,
        contentHash: hashJson(JSON.parse(content)),
        links: { partOf: entry!.seq },
        content,
        signatures: null,
      });
    }
    await this.archive.append(m, records);
    await m.update(
      Minutes,
      { id: minutes.id },
      { status: MinutesStatus.Archived, archiveSeq: String(entry!.seq) },
    );
  }
}

/** The signature exactly as the browser made it (only the fields that are signed). */
function plainSignature(dto: SubmitSignatureDto): MinutesSignature {
  return {
    version: 1,
    role: dto.role,
    signer: dto.signer,
    subject:
      dto.subject.kind === 'tally'
        ? { kind: 'tally', pollId: dto.subject.pollId ?? '', hash: dto.subject.hash }
        : { kind: 'minutes', hash: dto.subject.hash },
    algorithm: dto.algorithm,
    publicKey: dto.publicKey,
    keyFingerprint: dto.keyFingerprint,
    signedAt: dto.signedAt,
    signature: dto.signature,
  };
}

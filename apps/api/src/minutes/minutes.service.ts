import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/db-errors.js';
import {
  canonicalJson,
  documentHash,
  validateMinutes,
  type FieldError,
  type MinutesDocument,
} from '../common/minutes.js';
import { SessionStatus } from '../congress/session-status.js';
import { SessionsService } from '../congress/sessions.service.js';
import { Role } from '../users/role.enum.js';
import { EMPTY_EDITS, type DraftEdits } from './draft-edits.js';
import type { SaveDraftDto } from './dto/minutes.dto.js';
import { Minutes, MinutesStatus } from './minutes.entity.js';
import { MinutesDraft } from './minutes-draft.entity.js';
import { MinutesErrorCode, MinutesException } from './minutes.exception.js';
import { RecordAssembler } from './record-assembler.js';

/** The document as it stands: frozen once final, else assembled afresh from the record. */
export interface MinutesState {
  minutes: Minutes;
  document: MinutesDocument | null;
  /** Why there is no draft document yet (e.g. a poll still open), or what finalising would refuse. */
  problems: FieldError[];
  editsVersion: number;
  edits: DraftEdits;
}

/** The secretary's side: start the minutes, save the text, finalise (freeze), correct. */
@Injectable()
export class MinutesService {
  constructor(
    @InjectRepository(Minutes) private readonly minutes: Repository<Minutes>,
    @InjectRepository(MinutesDraft) private readonly drafts: Repository<MinutesDraft>,
    private readonly sessions: SessionsService,
    private readonly assembler: RecordAssembler,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Minutes> {
    const m = await this.minutes.findOneBy({ id });
    if (!m) throw new MinutesException(MinutesErrorCode.NotFound);
    return m;
  }

  async listForSession(sessionId: string): Promise<Minutes[]> {
    await this.sessions.get(sessionId);
    return this.minutes.find({ where: { sessionId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The minutes whose resolutions the board shows: the latest frozen ones of the session (a
   * finalised correction replaces what it corrects); null while none is finalised.
   */
  async publishedFor(sessionId: string): Promise<Minutes | null> {
    await this.sessions.get(sessionId); // an unknown session is a 404
    return this.minutes.findOne({
      where: { sessionId, status: In([MinutesStatus.Final, MinutesStatus.Archived]) },
      order: { finalisedAt: 'DESC' },
    });
  }

  /** The secretary who starts the minutes is their recorder (记录人). */
  async start(sessionId: string, auth: AuthContext): Promise<Minutes> {
    await this.sessions.get(sessionId);
    return this.insert({ sessionId, correctsId: null, correctionReason: null }, auth, EMPTY_EDITS);
  }

  /** A correction of archived minutes: a new draft with the same text, linked to them. */
  async correct(id: string, reason: string, auth: AuthContext): Promise<Minutes> {
    const original = await this.get(id);
    if (original.status !== MinutesStatus.Archived)
      throw new MinutesException(MinutesErrorCode.NotArchived);
    const { edits } = await this.latestEdits(original.id);
    return this.insert(
      { sessionId: original.sessionId, correctsId: original.id, correctionReason: reason },
      auth,
      edits,
    );
  }

  private async insert(
    what: Pick<Minutes, 'sessionId' | 'correctsId' | 'correctionReason'>,
    auth: AuthContext,
    edits: DraftEdits,
  ): Promise<Minutes> {
    try {
      return await this.minutes.manager.transaction(async (m) => {
        const row = m.create(Minutes, {
          ...what,
          recorderUserId: auth.userId,
          recorderName: auth.displayName,
          status: MinutesStatus.Draft,
          createdAt: this.clock.now(),
        });
        await m.insert(Minutes, row);
        await m.insert(MinutesDraft, {
          minutesId: row.id,
          version: 1,
          edits,
          savedBy: auth.userId,
          savedAt: this.clock.now(),
        });
        return m.findOneByOrFail(Minutes, { id: row.id });
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      throw new MinutesException(
        what.correctsId ? MinutesErrorCode.CorrectionOpen : MinutesErrorCode.AlreadyStarted,
      );
    }
  }

  /** Only the recorder edits and finalises; the text is kept as a new version each time. */
  async save(id: string, dto: SaveDraftDto, auth: AuthContext): Promise<Minutes> {
    const m = await this.ownDraft(id, auth);
    const edits: DraftEdits = {
      reference: dto.reference?.trim() || null,
      items: dto.items.map((i) => ({
        itemId: i.itemId,
        discussion: i.discussion,
        groupOpinions: i.groupOpinions.map((g) => ({ group: g.group, text: g.text })),
      })),
      resolutions: dto.resolutions.map((r) => ({
        number: r.number,
        title: r.title,
        text: r.text,
        itemId: r.itemId ?? null,
      })),
      narrative: dto.narrative.map((s) => ({ heading: s.heading, text: s.text })),
      agendaChanges: (dto.agendaChanges ?? []).map((c) => ({
        at: new Date(c.at).toISOString(),
        description: c.description,
        reason: c.reason,
        approvedBy: c.approvedBy ?? null,
      })),
      incidents: (dto.incidents ?? []).map((c) => ({
        at: new Date(c.at).toISOString(),
        kind: c.kind,
        description: c.description,
        approvedBy: c.approvedBy ?? null,
      })),
    };
    await this.assembler.checkItems(m.sessionId, edits);
    const { version } = await this.latestEdits(m.id);
    try {
      await this.drafts.insert({
        minutesId: m.id,
        version: version + 1,
        edits,
        savedBy: auth.userId,
        savedAt: this.clock.now(),
      });
    } catch (e) {
      // Two saves at once: the later one lost the race and says so rather than overwriting.
      if (isUniqueViolation(e))
        throw new MinutesException(MinutesErrorCode.NotDraft, { reason: '并发保存' });
      throw e;
    }
    return m;
  }

  /**
   * Freezes the minutes: assembled from the record as it stands after the session, checked
   * (libs/minutes validateMinutes: 400 with every field error), stored as its canonical JSON
   * with the SHA-256 the signers sign. The database refuses any change to it from then on.
   */
  async finalise(id: string, auth: AuthContext): Promise<Minutes> {
    const m = await this.ownDraft(id, auth);
    const session = await this.sessions.get(m.sessionId);
    if (session.status !== SessionStatus.Closed && session.status !== SessionStatus.Archived)
      throw new MinutesException(MinutesErrorCode.SessionNotClosed, { status: session.status });
    const now = this.clock.now();
    const { edits } = await this.latestEdits(m.id);
    const doc = await this.assembleFor(m, edits, now);
    const errors = validateMinutes(doc);
    if (errors.length > 0) throw new MinutesException(MinutesErrorCode.Invalid, errors);
    const done = await this.minutes
      .createQueryBuilder()
      .update(Minutes)
      .set({
        status: MinutesStatus.Final,
        document: canonicalJson(doc),
        documentHash: documentHash(doc),
        finalisedAt: now,
        finalisedBy: auth.userId,
      })
      .where('id = :id AND status = :draft', { id, draft: MinutesStatus.Draft })
      .execute();
    if (done.affected !== 1) throw new MinutesException(MinutesErrorCode.NotDraft);
    return this.get(id);
  }

  /** The document and what stands in its way, for the secretary's screen. */
  async state(m: Minutes): Promise<MinutesState> {
    const { version, edits } = await this.latestEdits(m.id);
    if (m.document !== null)
      return {
        minutes: m,
        document: JSON.parse(m.document) as MinutesDocument,
        problems: [],
        editsVersion: version,
        edits,
      };
    try {
      const document = await this.assembleFor(m, edits);
      return {
        minutes: m,
        document,
        problems: validateMinutes(document),
        editsVersion: version,
        edits,
      };
    } catch (e) {
      if (!(e instanceof MinutesException)) throw e;
      return {
        minutes: m,
        document: null,
        problems: [{ field: '$', message: e.message }],
        editsVersion: version,
        edits,
      };
    }
  }

  async latestEdits(minutesId: string): Promise<{ version: number; edits: DraftEdits }> {
    const d = await this.drafts.findOne({ where: { minutesId }, order: { version: 'DESC' } });
    return d
      ? { version: d.version, edits: { ...EMPTY_EDITS, ...d.edits } }
      : { version: 0, edits: EMPTY_EDITS };
  }

  private async assembleFor(m: Minutes, edits: DraftEdits, at: Date = this.clock.now()) {
    const corrected = m.correctsId ? await this.get(m.correctsId) : null;
    return this.assembler.assemble({
      id: m.id,
      session: await this.sessions.get(m.sessionId),
      recorderName: m.recorderName,
      edits,
      finalisedAt: at,
      corrects: corrected
        ? { seq: Number(corrected.archiveSeq), reason: m.correctionReason ?? '' }
        : null,
    });
  }

  private async ownDraft(id: string, auth: AuthContext): Promise<Minutes> {
    const m = await this.get(id);
    if (auth.role !== Role.Secretary || m.recorderUserId !== auth.userId)
      throw new MinutesException(MinutesErrorCode.NotRecorder);
    if (m.status !== MinutesStatus.Draft) throw new MinutesException(MinutesErrorCode.NotDraft);
    return m;
  }
}

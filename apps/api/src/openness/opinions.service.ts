import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { BoardService } from './board.service.js';
import type {
  AnswerOpinionDto,
  CreateMeasureDto,
  MeasureDoneDto,
  OpinionDto,
} from './dto/openness.dto.js';
import { ItemStore } from './item-store.js';
import { OpennessMeasure } from './measure.entity.js';
import { MeasureStatus, OpinionKind } from './openness.enums.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { assertAction } from './openness-status.js';
import { OpinionRateLimit } from './opinion-rate-limit.js';
import { OpennessOpinion } from './opinion.entity.js';
import { UnitsService } from './units.service.js';

/** At most this many opinions per account per hour (counted in memory, see OpinionRateLimit). */
export const OPINIONS_PER_HOUR = 10;

/**
 * 评议 and 整改: employees' opinions (named or anonymous), the answers to their questions, and
 * rectification measures with owner and deadline.
 */
@Injectable()
export class OpinionsService {
  private readonly limit = new OpinionRateLimit(OPINIONS_PER_HOUR, 3_600_000);

  constructor(
    @InjectRepository(OpennessOpinion) private readonly opinions: Repository<OpennessOpinion>,
    @InjectRepository(OpennessMeasure) private readonly measures: Repository<OpennessMeasure>,
    private readonly store: ItemStore,
    private readonly board: BoardService,
    private readonly units: UnitsService,
    private readonly departments: DepartmentsService,
    private readonly clock: Clock,
  ) {}

  /**
   * An employee's opinion on an item they can read, while its box is open. Anonymous: the row
   * gets no account id and no name; for every opinion only the day is stored, not the time.
   */
  async opine(auth: AuthContext, itemId: string, dto: OpinionDto): Promise<OpennessOpinion> {
    const employee = await this.units.employee(auth);
    const item = await this.board.get(auth, itemId);
    assertAction(item.status, 'opine');
    const now = this.clock.now();
    const retryAfterSeconds = this.limit.take(auth.userId, now);
    // retryAfterSeconds in the details also becomes the 429's Retry-After header.
    if (retryAfterSeconds > 0)
      throw new OpennessException(OpennessErrorCode.TooManyOpinions, {
        perHour: OPINIONS_PER_HOUR,
        retryAfterSeconds,
      });
    return this.opinions.save(
      this.opinions.create({
        itemId: item.id,
        kind: dto.kind,
        body: dto.body ?? null,
        rating: dto.kind === OpinionKind.Rating ? dto.rating! : null,
        anonymous: dto.anonymous,
        authorUserId: dto.anonymous ? null : auth.userId,
        authorName: dto.anonymous ? null : employee.name,
        receivedOn: shanghaiDay(now),
      }),
    );
  }

  /** Every opinion of an item, for staff and the item's department. */
  async ofItem(auth: AuthContext, itemId: string): Promise<OpennessOpinion[]> {
    await this.store.readable(auth, itemId);
    return this.opinions.find({ where: { itemId }, order: { receivedOn: 'ASC', id: 'ASC' } });
  }

  async answer(auth: AuthContext, opinionId: string, dto: AnswerOpinionDto) {
    const opinion = await this.opinions.findOneBy({ id: opinionId });
    if (!opinion) throw new OpennessException(OpennessErrorCode.OpinionNotFound);
    return this.store.transaction(async (m) => {
      const item = await this.store.lock(m, opinion.itemId);
      await this.store.assertManages(auth, item);
      assertAction(item.status, 'answer');
      if (opinion.kind !== OpinionKind.Question)
        throw new OpennessException(OpennessErrorCode.NotAQuestion);
      const updated = await m.update(
        OpennessOpinion,
        { id: opinionId, answer: IsNull() },
        { answer: dto.answer, answeredAt: this.clock.now(), answeredBy: auth.userId },
      );
      if (!updated.affected) throw new OpennessException(OpennessErrorCode.AlreadyAnswered);
      return m.findOneByOrFail(OpennessOpinion, { id: opinionId });
    });
  }

  async addMeasure(auth: AuthContext, itemId: string, dto: CreateMeasureDto) {
    return this.store.transaction(async (m) => {
      const item = await this.store.lock(m, itemId);
      await this.store.assertManages(auth, item);
      assertAction(item.status, 'rectify');
      if (!(await this.departments.byIds([dto.departmentId], m)).length)
        throw new OpennessException(OpennessErrorCode.DepartmentNotFound, {
          field: 'departmentId',
        });
      if (dto.opinionId && !(await m.existsBy(OpennessOpinion, { id: dto.opinionId, itemId })))
        throw new OpennessException(OpennessErrorCode.OpinionNotFound, { field: 'opinionId' });
      return m.save(
        OpennessMeasure,
        m.create(OpennessMeasure, {
          itemId,
          opinionId: dto.opinionId ?? null,
          description: dto.description,
          ownerName: dto.ownerName,
          departmentId: dto.departmentId,
          dueOn: dto.dueOn,
          status: MeasureStatus.Open,
          result: null,
          doneAt: null,
          createdBy: auth.userId,
        }),
      );
    });
  }

  async measureDone(auth: AuthContext, measureId: string, dto: MeasureDoneDto) {
    const measure = await this.measures.findOneBy({ id: measureId });
    if (!measure) throw new OpennessException(OpennessErrorCode.MeasureNotFound);
    return this.store.transaction(async (m) => {
      const item = await this.store.lock(m, measure.itemId);
      await this.store.assertManages(auth, item);
      assertAction(item.status, 'rectify');
      const fresh = await m.findOneByOrFail(OpennessMeasure, { id: measureId });
      if (fresh.status === MeasureStatus.Done)
        throw new OpennessException(OpennessErrorCode.MeasureDone);
      Object.assign(fresh, {
        status: MeasureStatus.Done,
        result: dto.result,
        doneAt: this.clock.now(),
      });
      return m.save(OpennessMeasure, fresh);
    });
  }

  measuresOf(itemId: string): Promise<OpennessMeasure[]> {
    return this.measures.find({ where: { itemId }, order: { dueOn: 'ASC', createdAt: 'ASC' } });
  }

  opinionsOf(itemId: string): Promise<OpennessOpinion[]> {
    return this.opinions.find({ where: { itemId }, order: { receivedOn: 'ASC', id: 'ASC' } });
  }
}

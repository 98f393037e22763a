import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type FindOperator, In, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { OpennessAttachment } from './attachment.entity.js';
import { OpennessItem } from './item.entity.js';
import { OpennessErrorCode, OpennessException } from './openness.exception.js';
import { PUBLISHED } from './openness-status.js';
import { UnitsService } from './units.service.js';

/**
 * Who reads which published item. Without log-in: company-level items only. An employee: the
 * items of their own unit and of every unit above it (a team member reads the team's, the
 * workshop's and the company's). Anything else is "not found", so another unit's items do not
 * even show that they exist.
 */
@Injectable()
export class BoardService {
  constructor(
    @InjectRepository(OpennessItem) private readonly items: Repository<OpennessItem>,
    @InjectRepository(OpennessAttachment) private readonly files: Repository<OpennessAttachment>,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  /** The unit ids the caller reads: null auth is the public, without log-in. */
  async readableUnits(auth: AuthContext | null): Promise<string[]> {
    if (!auth) return this.units.companyUnitIds();
    const employee = await this.units.employee(auth);
    return this.units.withAncestors(employee.unitId);
  }

  /**
   * The board's current list: published items whose period (公开期限) has not ended. On the day
   * after its last day (Asia/Shanghai) an item leaves this list for the archive, by this query
   * alone: no job takes it down.
   */
  list(auth: AuthContext | null): Promise<OpennessItem[]> {
    return this.published(auth, MoreThanOrEqual(this.today()));
  }

  /** 往期公开: the published items whose period has ended, still readable with their hash. */
  archive(auth: AuthContext | null): Promise<OpennessItem[]> {
    return this.published(auth, LessThan(this.today()));
  }

  private today(): string {
    return shanghaiDay(this.clock.now());
  }

  private async published(
    auth: AuthContext | null,
    until: FindOperator<string>,
  ): Promise<OpennessItem[]> {
    const unitIds = await this.readableUnits(auth);
    if (unitIds.length === 0) return [];
    return this.items.find({
      where: { unitId: In(unitIds), status: In([...PUBLISHED]), publishUntil: until },
      order: { publishedAt: 'DESC' },
    });
  }

  async get(auth: AuthContext | null, id: string): Promise<OpennessItem> {
    const item = await this.readable(auth, id);
    if (!item) throw new OpennessException(OpennessErrorCode.ItemNotFound);
    return item;
  }

  /** A published item's frozen file, for whoever reads the item. */
  async attachment(auth: AuthContext | null, id: string): Promise<OpennessAttachment> {
    const meta = await this.files.findOneBy({ id });
    const item = meta && (await this.readable(auth, meta.itemId));
    if (!item || !item.content?.attachments.some((a) => a.id === id))
      throw new OpennessException(OpennessErrorCode.AttachmentNotFound);
    return this.withData(id);
  }

  /** The item if it is published and the caller reads its unit, else null. */
  private async readable(auth: AuthContext | null, id: string): Promise<OpennessItem | null> {
    const item = await this.items.findOneBy({ id });
    if (!item || !PUBLISHED.includes(item.status)) return null;
    return (await this.readableUnits(auth)).includes(item.unitId) ? item : null;
  }

  /** A file with its bytes (management: the caller was already checked). */
  withData(id: string): Promise<OpennessAttachment> {
    return this.files
      .createQueryBuilder('f')
      .addSelect('f.data')
      .where('f.id = :id', { id })
      .getOneOrFail();
  }
}

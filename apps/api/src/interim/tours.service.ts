import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AccountsService, type AuthContext } from '../auth/index.js';
import { Clock } from '../common/clock.js';
import { shanghaiDay } from '../common/time.js';
import { TermsService } from '../congress/index.js';
import { DepartmentsService } from '../departments/index.js';
import { SeatsService } from '../roster/index.js';
import type { CreateFindingDto, CreateTourDto, FindingProgressDto } from './dto/interim.dto.js';
import { InspectionFindingResponse, TourMemberResponse } from './dto/interim.responses.js';
import { assertFindingMove, FindingStatus, isFindingOverdue } from './finding-status.js';
import { InspectionFinding } from './inspection-finding.entity.js';
import { InspectionTour, InspectionTourMember } from './inspection-tour.entity.js';
import { InterimErrorCode, InterimException } from './interim.exception.js';
import { Role } from '../users/role.enum.js';

/**
 * 职工代表巡视检查: a tour of a term's delegates, its findings for departments with deadlines,
 * and the departments' follow-up (finding-status.ts).
 */
@Injectable()
export class ToursService {
  constructor(
    @InjectRepository(InspectionTour) private readonly tours: Repository<InspectionTour>,
    @InjectRepository(InspectionTourMember)
    private readonly members: Repository<InspectionTourMember>,
    @InjectRepository(InspectionFinding) private readonly findings: Repository<InspectionFinding>,
    private readonly terms: TermsService,
    private readonly seats: SeatsService,
    private readonly departments: DepartmentsService,
    private readonly accounts: AccountsService,
    private readonly clock: Clock,
  ) {}

  async list(termId: string): Promise<InspectionTour[]> {
    await this.terms.get(termId);
    return this.tours.find({ where: { termId }, order: { heldOn: 'DESC', createdAt: 'DESC' } });
  }

  async get(id: string): Promise<InspectionTour> {
    const tour = await this.tours.findOneBy({ id });
    if (!tour) throw new InterimException(InterimErrorCode.TourNotFound);
    return tour;
  }

  /** Every member must hold a serving seat of the term (voting or 列席). */
  async create(termId: string, dto: CreateTourDto, by: string): Promise<InspectionTour> {
    await this.terms.get(termId);
    const seats = await Promise.all(
      dto.delegateIds.map((id) => this.seats.servingSeatById(termId, id)),
    );
    const missing = dto.delegateIds.filter((_, i) => !seats[i]);
    if (missing.length)
      throw new InterimException(InterimErrorCode.NotServingSeat, { delegateIds: missing });
    return this.tours.manager.transaction(async (m) => {
      const tour = await m.save(
        m.create(InspectionTour, {
          termId,
          topic: dto.topic,
          places: dto.places,
          heldOn: dto.heldOn,
          createdBy: by,
        }),
      );
      await m.save(
        seats.map((s) =>
          m.create(InspectionTourMember, { tourId: tour.id, delegateId: s!.id, name: s!.name }),
        ),
      );
      return tour;
    });
  }

  async detail(id: string) {
    const tour = await this.get(id);
    const [members, findings] = await Promise.all([
      this.members.find({ where: { tourId: id }, order: { name: 'ASC' } }),
      this.findings.find({ where: { tourId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      tour,
      members: members.map(TourMemberResponse.of),
      findings: await this.views(findings),
    };
  }

  /** The findings of the term's tours held in `year` by state: the quality self-assessment's figures. */
  async findingsOfYear(
    termId: string,
    year: number,
  ): Promise<{ done: number; open: number; overdue: number }> {
    const tours = (await this.list(termId)).filter((t) => t.heldOn.startsWith(`${year}-`));
    const findings = tours.length
      ? await this.findings.findBy({ tourId: In(tours.map((t) => t.id)) })
      : [];
    const today = shanghaiDay(this.clock.now());
    const done = findings.filter((f) => f.status === FindingStatus.Done).length;
    return {
      done,
      open: findings.length - done,
      overdue: findings.filter((f) => isFindingOverdue(f, today)).length,
    };
  }

  async addFinding(tourId: string, dto: CreateFindingDto): Promise<InspectionFindingResponse> {
    await this.get(tourId);
    await this.departments.get(dto.departmentId);
    const saved = await this.findings.save(this.findings.create({ tourId, ...dto }));
    return (await this.views([saved]))[0]!;
  }

  /** The calling department's findings, soonest deadline first, with their tours. */
  async mine(auth: AuthContext) {
    const departmentId = await this.departmentOf(auth);
    const findings = await this.findings.find({
      where: { departmentId },
      order: { deadline: 'ASC', createdAt: 'ASC' },
    });
    if (findings.length === 0) return [];
    const tours = await this.tours.findBy({ id: In([...new Set(findings.map((f) => f.tourId))]) });
    const byId = new Map(tours.map((t) => [t.id, t]));
    return (await this.views(findings)).map((v) => ({ view: v, tour: byId.get(v.tourId)! }));
  }

  /**
   * The responsible department moves its own finding on with its answer; another department's
   * finding is answered as not found.
   */
  async progress(
    auth: AuthContext,
    id: string,
    dto: FindingProgressDto,
  ): Promise<InspectionFindingResponse> {
    const departmentId = await this.departmentOf(auth);
    const finding = await this.findings.findOneBy({ id, departmentId });
    if (!finding) throw new InterimException(InterimErrorCode.FindingNotFound);
    assertFindingMove(finding.status, dto.status);
    finding.status = dto.status;
    finding.answer = dto.answer;
    finding.answeredAt = this.clock.now();
    finding.answeredBy = auth.userId;
    const saved = await this.findings.save(finding);
    return (await this.views([saved]))[0]!;
  }

  private async departmentOf(auth: AuthContext): Promise<string> {
    const user = auth.role === Role.Department ? await this.accounts.find(auth.userId) : null;
    if (!user?.departmentId) throw new InterimException(InterimErrorCode.NoDepartment);
    return user.departmentId;
  }

  private async views(findings: InspectionFinding[]): Promise<InspectionFindingResponse[]> {
    const departments = await this.departments.byIds([
      ...new Set(findings.map((f) => f.departmentId)),
    ]);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    const today = shanghaiDay(this.clock.now());
    return findings.map((f) =>
      InspectionFindingResponse.of(f, names.get(f.departmentId) ?? '', isFindingOverdue(f, today)),
    );
  }
}

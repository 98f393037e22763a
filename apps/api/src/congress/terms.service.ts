import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { CongressErrorCode, CongressException } from './congress.exception.js';
import type { SettingsOverrides } from './congress-settings.js';
import { refusals, termDateFindings } from './date-rules.js';
import type { CreateTermDto, UpdateTermDto } from './dto/term.dto.js';
import { Term } from './term.entity.js';
import { workforceProblems } from './workforce.js';

@Injectable()
export class TermsService {
  constructor(@InjectRepository(Term) private readonly terms: Repository<Term>) {}

  list(): Promise<Term[]> {
    return this.terms.find({ order: { startsOn: 'DESC' } });
  }

  async get(id: string, m: EntityManager = this.terms.manager): Promise<Term> {
    const term = await m.findOneBy(Term, { id });
    if (!term) throw new CongressException(CongressErrorCode.TermNotFound);
    return term;
  }

  async create(dto: CreateTermDto): Promise<Term> {
    const term = this.terms.create({
      ...dto,
      employees: dto.employees ?? null,
      women: dto.women ?? null,
      dispatched: dto.dispatched ?? null,
      settings: (dto.settings ?? {}) as SettingsOverrides,
    });
    check(term);
    return this.terms.save(term);
  }

  async update(id: string, dto: UpdateTermDto): Promise<Term> {
    const term = await this.get(id);
    Object.assign(term, {
      ...dto,
      settings: dto.settings
        ? { ...term.settings, ...(dto.settings as SettingsOverrides) }
        : term.settings,
    });
    check(term);
    return this.terms.save(term);
  }
}

/** Dates that are refused (date-rules.ts) and figures that cannot be, each naming its field. */
function check(term: Term): void {
  const refused = refusals(termDateFindings(term.startsOn, term.endsOn));
  if (refused.length) {
    throw new CongressException(
      CongressErrorCode.BadDates,
      refused.map((f) => ({ field: f.field, errors: [f.message] })),
    );
  }
  const problems = workforceProblems(term);
  if (problems.length) throw new CongressException(CongressErrorCode.BadFigures, problems);
}

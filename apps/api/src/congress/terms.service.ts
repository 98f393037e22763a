import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { CongressErrorCode, CongressException } from './congress.exception.js';
import type { SettingsOverrides } from './congress-settings.js';
import type { CreateTermDto, UpdateTermDto } from './dto/term.dto.js';
import { Term } from './term.entity.js';

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
    if (dto.endsOn <= dto.startsOn) throw new CongressException(CongressErrorCode.BadDates);
    return this.terms.save(
      this.terms.create({ ...dto, settings: (dto.settings ?? {}) as SettingsOverrides }),
    );
  }

  async update(id: string, dto: UpdateTermDto): Promise<Term> {
    const term = await this.get(id);
    Object.assign(term, {
      ...dto,
      settings: dto.settings
        ? { ...term.settings, ...(dto.settings as SettingsOverrides) }
        : term.settings,
    });
    if (term.endsOn <= term.startsOn) throw new CongressException(CongressErrorCode.BadDates);
    return this.terms.save(term);
  }
}

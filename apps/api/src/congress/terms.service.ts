import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CongressErrorCode, CongressException } from './congress.exception.js';
import type { SettingsOverrides } from './congress-settings.js';
import type { CreateTermDto, UpdateTermDto } from './dto/term.dto.js';
import { Term } from './term.entity.js';

@Injectable()
export class TermsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<Term[]> {
    return this.db.getRepository(Term).find({ order: { startsOn: 'DESC' } });
  }

  async get(id: string): Promise<Term> {
    const term = await this.db.getRepository(Term).findOneBy({ id });
    if (!term) throw new CongressException(CongressErrorCode.TermNotFound);
    return term;
  }

  async create(dto: CreateTermDto): Promise<Term> {
    if (dto.endsOn <= dto.startsOn) throw new CongressException(CongressErrorCode.BadDates);
    const repo = this.db.getRepository(Term);
    return repo.save(repo.create({ ...dto, settings: (dto.settings ?? {}) as SettingsOverrides }));
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
    return this.db.getRepository(Term).save(term);
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import {
  archivedFile,
  canonicalJson,
  hashJson,
  type ArchiveEntry,
  type OpennessRecordsContent,
} from '../common/minutes.js';
import { ArchiveService } from '../minutes/index.js';
import { RecordResponse } from './dto/openness.responses.js';
import { OpennessViews } from './openness-views.js';
import { PlanService } from './plan.service.js';
import { recordsTitle, renderRecordsPdf } from './records-pdf.js';

const isYearOf = (year: number) => (content: unknown) =>
  (content as Partial<OpennessRecordsContent>).format === 'openness-records' &&
  (content as Partial<OpennessRecordsContent>).year === year;

/** The year's 厂务公开记录表: the forms of the items published that year, and their archiving. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly plan: PlanService,
    private readonly views: OpennessViews,
    private readonly archive: ArchiveService,
    private readonly clock: Clock,
  ) {}

  /** Every record form of the items whose period starts in `year`, as of now. */
  async records(year: number): Promise<RecordResponse[]> {
    const now = this.clock.now();
    const items = await this.plan.publishedIn(year);
    return Promise.all(items.map(async (i) => RecordResponse.of(await this.views.one(i), now)));
  }

  /**
   * Files the year's forms as a PDF in the minutes' archive (kind `openness_records`). Idempotent:
   * when the newest entry for the year was made from the same forms, it is returned as it is;
   * when the forms changed since (an answer, a measure done), a new entry is appended that names
   * the earlier one as the entry it corrects.
   */
  async archiveYear(year: number): Promise<{ entry: ArchiveEntry; appended: boolean }> {
    const records = await this.records(year);
    const recordsSha256 = hashJson(records);
    const pdf = await renderRecordsPdf({ year, records, generatedAt: this.clock.now() });
    const content: OpennessRecordsContent = {
      format: 'openness-records',
      version: 1,
      year,
      items: records.length,
      recordsSha256,
      file: archivedFile(`厂务公开记录表-${year}.pdf`, 'application/pdf', pdf),
    };
    return this.archive.appendVersion(
      {
        kind: 'openness_records',
        title: recordsTitle(year),
        contentHash: hashJson(content),
        content: canonicalJson(content),
        signatures: null,
      },
      isYearOf(year),
      (c) => (c as OpennessRecordsContent).recordsSha256 === recordsSha256,
    );
  }
}

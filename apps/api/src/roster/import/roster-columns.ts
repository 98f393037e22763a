/**
 * The roster spreadsheet's column layout: the headers unions write, in template order, and the
 * tolerant matching of the headers found in an uploaded file.
 */

/** The field a column fills in a `RosterImportRow`. */
export type RosterField =
  | 'name'
  | 'employeeNumber'
  | 'gender'
  | 'groupName'
  | 'unit'
  | 'category'
  | 'dispatched'
  | 'kind'
  | 'presidium'
  | 'teller'
  | 'groupHead'
  | 'phone'
  | 'note';

export interface RosterColumn {
  field: RosterField;
  /** The header as written in the template and the export. */
  header: string;
  /**
   * `always`: the file is refused without this column. `delegates`: needed as soon as the file
   * holds a voting delegate (attendees may leave it blank). `no`: optional.
   */
  required: 'always' | 'delegates' | 'no';
  /** Other headers seen in unions' own spreadsheets. */
  synonyms: readonly string[];
  /** Column width in the template and export, in Excel character units. */
  width: number;
  /** Chinese explanation for the template's 说明 sheet. */
  help: string;
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  {
    field: 'name',
    header: '姓名',
    required: 'always',
    synonyms: ['代表姓名', '职工姓名', '名字'],
    width: 12,
    help: '必填，最多 50 个字。',
  },
  {
    field: 'employeeNumber',
    header: '工号',
    required: 'always',
    synonyms: ['员工编号', '职工编号', '员工号', '职工号', '人员编号', '员工工号'],
    width: 14,
    help: '必填，在名单中唯一，最多 32 位字母、数字或连字符“-”；全角字符会自动转为半角。',
  },
  {
    field: 'gender',
    header: '性别',
    required: 'delegates',
    synonyms: [],
    width: 8,
    help: '代表必填：男 / 女（也接受 M / F）；列席代表可不填。',
  },
  {
    field: 'groupName',
    header: '代表团',
    required: 'delegates',
    synonyms: ['所属代表团', '代表组', '代表团组', '所属代表组', '代表团（组）', '代表团/组'],
    width: 16,
    help: '代表必填，须与系统中已建立的代表团名称一致；列席代表可不填。',
  },
  {
    field: 'unit',
    header: '单位',
    required: 'no',
    synonyms: ['部门', '所在单位', '所在部门', '单位部门', '单位/部门', '工作单位'],
    width: 20,
    help: '选填：所在单位或部门，最多 100 个字。',
  },
  {
    field: 'category',
    header: '代表类别',
    required: 'delegates',
    synonyms: ['类别', '代表构成', '人员类别'],
    width: 16,
    help: '代表必填：一线职工 / 专业技术人员 / 管理人员 / 中层以上管理人员 / 企业领导人员；列席代表可不填。',
  },
  {
    field: 'dispatched',
    header: '劳务派遣',
    required: 'no',
    synonyms: ['是否劳务派遣', '劳务派遣工', '派遣'],
    width: 10,
    help: '是 / 否，不填视为“否”。',
  },
  {
    field: 'kind',
    header: '代表类型',
    required: 'no',
    synonyms: ['类型', '代表身份'],
    width: 12,
    help: '代表 / 列席代表，不填视为“代表”。列席代表不参加表决和选举。',
  },
  {
    field: 'presidium',
    header: '主席团',
    required: 'no',
    synonyms: ['主席团成员', '是否主席团成员'],
    width: 10,
    help: '是否主席团成员：是 / 否，不填视为“否”。只有代表可以担任。',
  },
  {
    field: 'teller',
    header: '监票人',
    required: 'no',
    synonyms: ['监计票人', '监票', '计票人', '是否监票人'],
    width: 10,
    help: '是否监票人（监计票人）：是 / 否，不填视为“否”。只有代表可以担任。',
  },
  {
    field: 'groupHead',
    header: '团长',
    required: 'no',
    synonyms: ['组长', '团（组）长', '团长/组长', '代表团团长', '是否团长'],
    width: 8,
    help: '是否代表团团长（组长）：是 / 否，不填视为“否”。每个代表团只能有一位团长。',
  },
  {
    field: 'phone',
    header: '手机',
    required: 'no',
    synonyms: ['手机号', '手机号码', '联系电话', '电话', '移动电话'],
    width: 14,
    help: '选填：只填数字（可带“+”号，空格和“-”会被去掉）。',
  },
  {
    field: 'note',
    header: '备注',
    required: 'no',
    synonyms: ['说明'],
    width: 24,
    help: '选填，最多 500 个字。',
  },
];

/**
 * Columns the export adds that an import reads past without comment (they describe the seat,
 * which an import never sets), plus the row counter many unions keep.
 */
export const IGNORED_HEADERS: readonly string[] = ['状态', '任期起止', '序号', '序'];

export const COLUMN_BY_FIELD = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.field, c]),
) as Record<RosterField, RosterColumn>;

/**
 * A header reduced to what matters: NFKC folds full-width letters, digits and brackets to
 * half-width (（ → (, Ａ → A), whitespace of any kind (including the ideographic space U+3000
 * some people use to align two-character headers) goes, and so do the "required" marks templates
 * decorate headers with: 姓名*, 姓名（必填）.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((必填|选填|可选|可不填)\)$/, '')
    .replace(/^\*+|\*+$/g, '')
    .toLowerCase();
}

const HEADER_LOOKUP: ReadonlyMap<string, RosterField | 'ignored'> = (() => {
  const map = new Map<string, RosterField | 'ignored'>();
  for (const c of ROSTER_COLUMNS) {
    for (const h of [c.header, ...c.synonyms]) map.set(normalizeHeader(h), c.field);
  }
  for (const h of IGNORED_HEADERS) map.set(normalizeHeader(h), 'ignored');
  return map;
})();

/** The field a header names, `'ignored'` for a known column an import skips, else null. */
export function matchHeader(text: string): RosterField | 'ignored' | null {
  return HEADER_LOOKUP.get(normalizeHeader(text)) ?? null;
}

/** One header cell of the uploaded file. */
export interface HeaderCell {
  /** 0-based column index. */
  index: number;
  /** The header as written (trimmed). */
  text: string;
  /** What it maps to: a field, or null when the import ignores the column. */
  field: RosterField | null;
}

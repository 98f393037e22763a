/**
 * The checklist of the yearly quality self-assessment (职代会质量评估), as data. The areas follow
 * a congress's year; each criterion says how it is judged and, where docs/rules.md cites one, the
 * rule it checks. `auto` criteria are judged by assessment-rule.ts from the owning modules' figures;
 * the rest by staff with a note. The checklist is this product's own reading of the provinces'
 * published 职代会制度建设评估 criteria (docs/between-sessions.md), not any one province's table.
 */
export enum Area {
  Holding = 'holding',
  Delegates = 'delegates',
  Before = 'before',
  During = 'during',
  After = 'after',
  Between = 'between',
  Openness = 'openness',
}

export const AREA_LABELS: Record<Area, string> = {
  [Area.Holding]: '召开',
  [Area.Delegates]: '代表',
  [Area.Before]: '会前',
  [Area.During]: '会中',
  [Area.After]: '会后',
  [Area.Between]: '闭会期间',
  [Area.Openness]: '厂务公开',
};

export interface Criterion {
  code: string;
  area: Area;
  text: string;
  /** How it is judged, in words shown beside it. */
  howJudged: string;
  /** The legal source of the rule it checks, as docs/rules.md cites it; null for practice ([P]). */
  source: string | null;
  auto: boolean;
}

export const CRITERIA: readonly Criterion[] = [
  {
    code: 'HOLD-1',
    area: Area.Holding,
    text: '本年度至少召开一次职工代表大会全体会议',
    howJudged: '自动：本届在本年度（北京时间）开始且已召开的会议',
    source: null,
    auto: true,
  },
  {
    code: 'HOLD-2',
    area: Area.Holding,
    text: '每次表决时出席代表达到全体代表的三分之二',
    howJudged: '工作人员核对各次表决的法定人数记录（系统开启表决前已检查，会议记录载明）',
    source: '全国性规定、地方条例：出席代表须达全体代表三分之二',
    auto: false,
  },
  {
    code: 'DEL-1',
    area: Area.Delegates,
    text: '代表构成符合规定：一线职工比例、中层以上管理人员不超过 20%、女代表比例',
    howJudged: '工作人员依据名册的构成检查结果判定',
    source:
      '全国性规定：中层以上管理人员和企业领导人员不超过 20%；浙江省企业民主管理条例：女代表比例',
    auto: false,
  },
  {
    code: 'DEL-2',
    area: Area.Delegates,
    text: '代表出缺及时补选，补选情况有记录',
    howJudged: '工作人员依据名册变动记录判定',
    source: null,
    auto: false,
  },
  {
    code: 'PRE-1',
    area: Area.Before,
    text: '会议议程和文件在会前 7 日送达代表',
    howJudged: '自动：各次会议首次分发距开会的天数与规定天数',
    source: '上海市职工代表大会条例第 30 条、山东省厂务公开条例第 12 条',
    auto: true,
  },
  {
    code: 'PRE-2',
    area: Area.Before,
    text: '在规定的征集期内征集提案',
    howJudged: '工作人员依据提案征集期设置和收到的提案判定',
    source: null,
    auto: false,
  },
  {
    code: 'DUR-1',
    area: Area.During,
    text: '选举和民主评议采用无记名投票',
    howJudged: '工作人员核对各次选举、评议的表决方式',
    source: '全国性规定：重要事项无记名投票、分项表决',
    auto: false,
  },
  {
    code: 'DUR-2',
    area: Area.During,
    text: '表决结果按全体代表过半数确定',
    howJudged: '工作人员核对各次表决采用的通过规则',
    source: '企业民主管理规定（2012）第 20 条',
    auto: false,
  },
  {
    code: 'DUR-3',
    area: Area.During,
    text: '会议记录由记录人和执行主席签署',
    howJudged: '工作人员核对会议记录的签名',
    source: null,
    auto: false,
  },
  {
    code: 'POST-1',
    area: Area.After,
    text: '会议决议在会后规定天数内公布',
    howJudged: '工作人员核对决议的公布日期（概览页提示逾期未公布的会议）',
    source: '山东省厂务公开条例：3 日内公布',
    auto: false,
  },
  {
    code: 'POST-2',
    area: Area.After,
    text: '立案提案全部办理并答复（提案办理率）',
    howJudged: '自动：本年度立案的提案中已答复的比例',
    source: null,
    auto: true,
  },
  {
    code: 'POST-3',
    area: Area.After,
    text: '会议记录和文件归档保存',
    howJudged: '工作人员核对永久档案中的会议记录',
    source: '国家档案局令第 10 号：涉及职工权益的记录永久保存',
    auto: false,
  },
  {
    code: 'INT-1',
    area: Area.Between,
    text: '联席会议作出的决定提请下次职代会确认',
    howJudged: '自动：本年度联席会议的审议决定中已经职代会确认的',
    source: '地方职代会条例：联席会议处理闭会期间的事项，不得行使全体会议的职权',
    auto: true,
  },
  {
    code: 'INT-2',
    area: Area.Between,
    text: '职工代表巡视检查发现的问题整改办结',
    howJudged: '自动：本年度巡视发现的问题的办理状态和逾期情况',
    source: null,
    auto: true,
  },
  {
    code: 'OPEN-1',
    area: Area.Openness,
    text: '年度公开计划中的事项按时公开',
    howJudged: '自动：本年度已到期计划项中按时、逾期公开和到期未公开的数目',
    source: null,
    auto: true,
  },
  {
    code: 'OPEN-2',
    area: Area.Openness,
    text: '职工对公开事项的提问均有答复，整改措施公布',
    howJudged: '工作人员依据厂务公开记录表判定',
    source: null,
    auto: false,
  },
  {
    code: 'OPEN-3',
    area: Area.Openness,
    text: '开展年度厂务公开满意度测评并公布结果',
    howJudged: '自动：本年度是否关联了满意度测评',
    source: null,
    auto: true,
  },
];

export const criterionByCode = (code: string): Criterion | undefined =>
  CRITERIA.find((c) => c.code === code);

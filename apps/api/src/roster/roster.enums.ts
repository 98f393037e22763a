/** Delegate categories (docs/rules.md), with the words unions use in their spreadsheets. */
export enum DelegateCategory {
  FrontLine = 'front_line',
  Technician = 'technician',
  Manager = 'manager',
  MiddleManager = 'middle_manager',
  Leader = 'leader',
}

export const CATEGORY_LABELS: Record<DelegateCategory, string> = {
  [DelegateCategory.FrontLine]: '一线职工',
  [DelegateCategory.Technician]: '专业技术人员',
  [DelegateCategory.Manager]: '管理人员',
  [DelegateCategory.MiddleManager]: '中层以上管理人员',
  [DelegateCategory.Leader]: '企业领导人员',
};

export enum Gender {
  Male = 'male',
  Female = 'female',
}

export const GENDER_LABELS: Record<Gender, string> = { [Gender.Male]: '男', [Gender.Female]: '女' };

/** A seat's status. Only `serving` delegates log in, count towards quorum and vote. */
export enum DelegateStatus {
  Serving = 'serving',
  Recalled = 'recalled',
  Replaced = 'replaced',
  Left = 'left',
}

export const STATUS_LABELS: Record<DelegateStatus, string> = {
  [DelegateStatus.Serving]: '在任',
  [DelegateStatus.Recalled]: '罢免',
  [DelegateStatus.Replaced]: '补选替换',
  [DelegateStatus.Left]: '离职',
};

/** A roster entry is a voting delegate or a non-voting attendee (列席代表). */
export enum RosterKind {
  Delegate = 'delegate',
  Attendee = 'attendee',
}

/** A criterion's verdict (评估结论). */
export enum Verdict {
  Meets = 'meets',
  Partly = 'partly',
  Fails = 'fails',
  NotApplicable = 'na',
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  [Verdict.Meets]: '符合',
  [Verdict.Partly]: '部分符合',
  [Verdict.Fails]: '不符合',
  [Verdict.NotApplicable]: '不适用',
};

/** An assessment is open while staff judge it; completing it freezes it (a correction is a new version). */
export enum AssessmentStatus {
  Open = 'open',
  Completed = 'completed',
}

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  [AssessmentStatus.Open]: '评估中',
  [AssessmentStatus.Completed]: '已完成',
};

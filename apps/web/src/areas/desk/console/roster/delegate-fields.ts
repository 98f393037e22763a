export interface DelegateFields {
  kind: 'delegate' | 'attendee';
  name: string;
  employeeNumber: string;
  gender: 'male' | 'female';
  groupId?: string;
  unit?: string;
  category?: 'front_line' | 'technician' | 'manager' | 'middle_manager' | 'leader';
  dispatched?: boolean;
  presidium?: boolean;
  teller?: boolean;
  phone?: string;
  note?: string;
}

export const CATEGORIES = [
  { value: 'front_line', label: '一线职工' },
  { value: 'technician', label: '专业技术人员' },
  { value: 'manager', label: '管理人员' },
  { value: 'middle_manager', label: '中层以上管理人员' },
  { value: 'leader', label: '企业领导人员' },
] as const;

export function emptyDelegate(): DelegateFields {
  return { kind: 'delegate', name: '', employeeNumber: '', gender: 'male' };
}

/** Empty text fields are left out: the api reads an absent field as "not given". */
export function cleanFields<T extends object>(f: T): T {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== '' && v !== undefined && v !== null),
  ) as T;
}

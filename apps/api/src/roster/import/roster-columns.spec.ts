import { describe, expect, it } from '@jest/globals';
import { ROSTER_COLUMNS, matchHeader } from './roster-columns.js';

describe('roster columns', () => {
  it('lists the template headers in order', () => {
    expect(ROSTER_COLUMNS.map((c) => c.header)).toEqual([
      '姓名', '工号', '性别', '代表团', '单位', '代表类别', '劳务派遣',
      '代表类型', '主席团', '监票人', '团长', '手机', '备注',
    ]); // prettier-ignore
    expect(ROSTER_COLUMNS.filter((c) => c.required === 'always').map((c) => c.header)).toEqual([
      '姓名',
      '工号',
    ]);
  });

  it('matches headers with surrounding or inner spaces, full-width forms and required marks', () => {
    expect(matchHeader('  姓名 ')).toBe('name');
    expect(matchHeader('姓\u3000名')).toBe('name');
    expect(matchHeader('姓名*')).toBe('name');
    expect(matchHeader('工号（必填）')).toBe('employeeNumber');
    expect(matchHeader('代表团（组）')).toBe('groupName');
    expect(matchHeader('代表团(组)')).toBe('groupName');
  });

  it('matches the common synonyms', () => {
    expect(matchHeader('员工编号')).toBe('employeeNumber');
    expect(matchHeader('职工编号')).toBe('employeeNumber');
    expect(matchHeader('所属代表团')).toBe('groupName');
    expect(matchHeader('代表组')).toBe('groupName');
    expect(matchHeader('类别')).toBe('category');
    expect(matchHeader('组长')).toBe('groupHead');
    expect(matchHeader('手机号码')).toBe('phone');
  });

  it('knows the export-only and counter columns, and nothing else', () => {
    expect(matchHeader('状态')).toBe('ignored');
    expect(matchHeader('任期起止')).toBe('ignored');
    expect(matchHeader('序号')).toBe('ignored');
    expect(matchHeader('身份证号')).toBeNull();
    expect(matchHeader('')).toBeNull();
  });
});

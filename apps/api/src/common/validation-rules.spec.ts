import { describe, expect, it } from '@jest/globals';
import {
  getMetadataStorage,
  IsInt,
  IsString,
  MetadataStorage,
  validateSync,
} from 'class-validator';
import { keepValidationRules } from './validation-rules.js';

type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];

class Base {
  @IsString() name!: unknown;
}
class Child extends Base {
  @IsInt() age!: unknown;
}

const child = (fields: Record<string, unknown>) => Object.assign(new Child(), fields);
const failing = (o: object) => validateSync(o).map((e) => e.property);

describe('keepValidationRules', () => {
  it('answers what class-validator answers, inherited rules included, and the same rules again', () => {
    const storage = getMetadataStorage();
    const lookup = (t: Target, groups?: string[]) =>
      storage.getTargetValidationMetadatas(t, '', false, false, groups);
    const before = lookup(Child).map((m) => m.propertyName);
    keepValidationRules(); // the process-wide storage, as validation.ts does
    const first = lookup(Child);
    expect(first.map((m) => m.propertyName)).toEqual(before);
    expect([...before].sort()).toEqual(['age', 'name']);
    expect(lookup(Child)).toBe(first);
    // Another class, or other options, get their own answer.
    expect(lookup(Base).map((m) => m.propertyName)).toEqual(['name']);
    expect(lookup(Child, ['g'])).not.toBe(first);
  });

  it('forgets what it kept when a rule is added later, so a late rule is never missed', () => {
    expect(failing(child({ name: 'x', age: 1, late: 5 }))).toEqual([]);
    // A rule registered after the class was validated once (a decorator applied late).
    IsString()(Child.prototype, 'late');
    expect(failing(child({ name: 'x', age: 1, late: 5 }))).toEqual(['late']);
    expect(failing(child({ name: 'x', age: 'one', late: 'y' }))).toEqual(['age']);
  });

  it('is installed once however often it is called', () => {
    const storage = new MetadataStorage();
    keepValidationRules(storage);
    const wrapped = storage.getTargetValidationMetadatas;
    keepValidationRules(storage);
    expect(storage.getTargetValidationMetadatas).toBe(wrapped);
  });
});

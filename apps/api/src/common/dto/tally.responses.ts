import { ApiProperty } from '@nestjs/swagger';
import type { AppliedRule, Fraction, LocalizedText, QuorumResult } from '../tally.js';

/*
 * The OpenAPI shapes of libs/tally's plain result types; `implements` keeps each one in step
 * with the library's type.
 */

export class LocalizedTextResponse implements LocalizedText {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class FractionResponse implements Fraction {
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
}

export class AppliedRuleResponse implements AppliedRule {
  @ApiProperty({ example: 'quorum:all:gte:2/3' }) id!: string;
  @ApiProperty({ enum: ['quorum', 'majority', 'flag', 'approval'] }) kind!: AppliedRule['kind'];
  @ApiProperty({ enum: ['all', 'present', 'cast', 'ratings'] }) base!: AppliedRule['base'];
  @ApiProperty({ type: FractionResponse }) fraction!: FractionResponse;
  @ApiProperty({ enum: ['>', '>='] }) comparison!: AppliedRule['comparison'];
  @ApiProperty() baseSize!: number;
  @ApiProperty({ description: 'the fewest that satisfy the rule' }) required!: number;
  @ApiProperty() attainable!: boolean;
  @ApiProperty({ type: LocalizedTextResponse }) text!: LocalizedTextResponse;
}

export class QuorumResponse implements QuorumResult {
  @ApiProperty({ enum: ['quorum'] }) kind!: 'quorum';
  @ApiProperty() reached!: boolean;
  @ApiProperty() required!: number;
  @ApiProperty() present!: number;
  @ApiProperty({ description: 'all serving delegates' }) total!: number;
  @ApiProperty() absent!: number;
  @ApiProperty({ type: AppliedRuleResponse }) rule!: AppliedRuleResponse;
  @ApiProperty({ type: LocalizedTextResponse }) summary!: LocalizedTextResponse;
}

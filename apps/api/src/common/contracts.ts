// The client contract (libs/contracts), re-exported so the api imports it from one place.
//
// Each module holds its own enums and error tables to the contract's lists, next to them:
//   type _Contract = Agree<Difference<`${Role}`, ContractRole>>;
// A value on one side only is then a compile error there, naming it (e.g.
// `Type '"guest"' is not assignable to type 'never'` under `onlyInContract`).
import type { CommonErrorCode } from './errors/app.exception.js';
import type { CommonErrorCode as ContractCommonErrorCode } from '../../../../libs/contracts/src/index.js';

export * from '../../../../libs/contracts/src/index.js';

/** What is on one side only: with `Agree`, both must be `never`. */
export type Difference<Api, Contract> = {
  onlyInApi: Exclude<Api, Contract>;
  onlyInContract: Exclude<Contract, Api>;
};
export type Agree<_ extends { onlyInApi: never; onlyInContract: never }> = true;

type _Contract = Agree<Difference<`${CommonErrorCode}`, ContractCommonErrorCode>>;

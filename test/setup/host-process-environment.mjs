import { TestEnvironment } from 'jest-environment-node';

/**
 * Jest's node environment plus `hostProcess`, the real process. A spec's own `process` is a copy
 * (jest-util's createProcessObject) that the real process never emits on, so a listener for
 * 'unhandledRejection' put there hears nothing; test/utils/unhandled-rejections.ts listens here.
 * Chosen per spec with a `@jest-environment` docblock.
 */
export default class HostProcessEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.hostProcess = process;
  }
}

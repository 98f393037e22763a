// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { AssessmentModule } from './assessment.module.js';
export { AssessmentErrorCode, AssessmentException } from './assessment.exception.js';

// The public surface of this module: what other modules may import (lint rule congress/module-boundaries).
export { ProposalsModule } from './proposals.module.js';
export { ReportingService, type ProposalReport, type YearHandling } from './reporting.service.js';

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CongressModule } from '../congress/congress.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { AgendaDelivery } from './agenda-delivery.entity.js';
import { AgendaDocument } from './agenda-document.entity.js';
import { AgendaDocumentsService } from './agenda-documents.service.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemsController } from './agenda-items.controller.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { AgendaVersion } from './agenda-version.entity.js';
import { AgendaGateway } from './agenda.gateway.js';
import { CirculationController } from './circulation.controller.js';
import { CirculationService } from './circulation.service.js';
import { LateItemApproval } from './late-item-approval.entity.js';
import { LateItemsService } from './late-items.service.js';
import { PublicAgendaController } from './public-agenda.controller.js';
import { PublicSessionsController } from './public-sessions.controller.js';
import { ReceiptsService } from './receipts.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AgendaItem,
      AgendaDocument,
      AgendaVersion,
      AgendaDelivery,
      LateItemApproval,
    ]),
    CongressModule,
    RosterModule,
  ],
  controllers: [
    AgendaItemsController,
    CirculationController,
    PublicAgendaController,
    PublicSessionsController,
  ],
  providers: [
    AgendaItemsService,
    AgendaDocumentsService,
    CirculationService,
    ReceiptsService,
    LateItemsService,
    AgendaGateway,
  ],
  exports: [AgendaItemsService, LateItemsService, CirculationService],
})
export class AgendaModule {}

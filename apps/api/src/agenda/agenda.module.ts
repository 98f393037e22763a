import { Module } from '@nestjs/common';
import { CongressModule } from '../congress/congress.module.js';
import { AgendaDocumentsService } from './agenda-documents.service.js';
import { AgendaItemsController } from './agenda-items.controller.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { AgendaGateway } from './agenda.gateway.js';
import { CirculationController } from './circulation.controller.js';
import { CirculationService } from './circulation.service.js';
import { LateItemsService } from './late-items.service.js';
import { PublicAgendaController } from './public-agenda.controller.js';
import { ReceiptsService } from './receipts.service.js';

@Module({
  imports: [CongressModule],
  controllers: [AgendaItemsController, CirculationController, PublicAgendaController],
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

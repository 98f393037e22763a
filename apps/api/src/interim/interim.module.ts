import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/index.js';
import { CongressModule } from '../congress/index.js';
import { DepartmentsModule } from '../departments/index.js';
import { RosterModule } from '../roster/index.js';
import { InspectionFinding } from './inspection-finding.entity.js';
import { InspectionTour, InspectionTourMember } from './inspection-tour.entity.js';
import { JointItem } from './joint-item.entity.js';
import { JointMeeting } from './joint-meeting.entity.js';
import { JointMeetingsController } from './joint-meetings.controller.js';
import { JointMeetingsService } from './joint-meetings.service.js';
import { JointParticipant } from './joint-participant.entity.js';
import { ToursController } from './tours.controller.js';
import { ToursService } from './tours.service.js';

/**
 * The congress between sessions: joint meetings (联席会议) and delegates' inspection tours
 * (职工代表巡视检查), docs/between-sessions.md.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      JointMeeting,
      JointParticipant,
      JointItem,
      InspectionTour,
      InspectionTourMember,
      InspectionFinding,
    ]),
    AuthModule,
    CongressModule,
    DepartmentsModule,
    RosterModule,
  ],
  controllers: [JointMeetingsController, ToursController],
  providers: [JointMeetingsService, ToursService],
  exports: [JointMeetingsService, ToursService],
})
export class InterimModule {}

import { Global, Module } from '@nestjs/common';
import { AuditTrail } from '../common/audit-trail';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** Global: every feature writes its audit entries through AuditService. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, { provide: AuditTrail, useExisting: AuditService }],
  exports: [AuditService, AuditTrail],
})
export class AuditModule {}

import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../common/validators';

/** Cases registered from `from` to `to` inclusive (UTC days). */
export class HtcdsQueryDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  to: string;
}

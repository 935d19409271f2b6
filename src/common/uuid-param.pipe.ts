import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiError } from './errors';

/** Path ids must be UUIDs: anything else is a 400 before any lookup. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw ApiError.field('id', 'invalid_format', 'id must be a UUID', { format: 'uuid' });
    return value.toLowerCase();
  }
}

import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, FieldError } from './errors';
import { detailOf } from './validation-codes';

/**
 * One detail per field, its first failing rule (validation-codes.ts). A field that fails itself (a
 * list that is not a list) says so alone: what its elements break would only be noise.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = detailOf(error, field);
    return own ? [own] : toFieldErrors(error.children ?? [], field);
  });
}

/** Where in a body or query a string holds U+0000, which PostgreSQL cannot store in text. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : undefined;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNul(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses NUL characters anywhere in the input before validating it. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = findNul(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (field) throw ApiError.field(field, 'invalid_characters', 'text must not contain NUL characters');
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, not dropped: a misspelt or forbidden field is a 400 the caller sees. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // Kept for validation-codes.ts (a constraint's arguments, which end of a length was missed);
    // the answer carries only the details built from them.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => ApiError.validation(toFieldErrors(errors)),
  });
}

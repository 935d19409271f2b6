import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, FieldError } from './errors';
import { findInputProblem, MAX_NESTING } from './hostile-input';
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

/**
 * Refuses what no legitimate input holds (hostile-input.ts: NUL, lone surrogates, `__proto__` and
 * its kin, nesting too deep) anywhere in a body, query or parameter, before validating it.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = findInputProblem(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (problem?.kind === 'too_deep') throw nestingTooDeep();
    if (problem) throw ApiError.field(problem.field, problem.code, problem.message);
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

export function nestingTooDeep(): ApiError {
  return new ApiError(
    400,
    'NESTING_TOO_DEEP',
    `The request body is nested deeper than ${MAX_NESTING} levels`,
  );
}

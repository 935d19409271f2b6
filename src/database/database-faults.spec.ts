import { QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-faults';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const failed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', pgError('ECONNREFUSED')],
    [
      'a refused connection to each address',
      Object.assign(new AggregateError([pgError('ECONNREFUSED')]), {}),
    ],
    ['a server shutting down', failed(pgError('57P01'))],
    ['a server starting up', failed(pgError('57P03'))],
    ['a connection failure (class 08)', failed(pgError('08006'))],
    ['a statement over its budget', failed(pgError('57014'))],
    ['a connection lost mid-statement', failed(new Error('Connection terminated unexpectedly'))],
    ['no answer in time', failed(new Error('Query read timeout'))],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    [
      'a connect timeout, as pg-pool wraps it',
      new Error('outer', { cause: new Error('Connection terminated due to connection timeout') }),
    ],
    ['a transaction whose connection died', new QueryRunnerProviderAlreadyReleasedError()],
  ])('says yes to %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failed(pgError('23505'))],
    ['a syntax error (a bug, a 500)', failed(pgError('42601'))],
    ['any other error', new Error('Cannot read properties of undefined')],
    ['nothing', undefined],
  ])('says no to %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

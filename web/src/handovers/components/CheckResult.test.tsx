import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/render';
import { fingerprint } from '../lib/draft';
import type { DryRunAnswer, SelectedPerson } from '../lib/types';
import { CheckResult } from './CheckResult';

const person = (
  id: string,
  caseNumber: string,
  status: SelectedPerson['status'],
  code = 'THA',
): SelectedPerson => ({
  id,
  caseNumber,
  givenName: 'Given',
  familyName: caseNumber,
  nameNative: null,
  nationalities: [{ code, verified: false }],
  status,
  erased: false,
});

const selection = new Map([
  ['a', person('a', '2023-000001', 'exit_cleared')],
  ['b', person('b', '2023-000002', 'screening')],
  ['c', person('c', '2023-000003', 'departed', 'PHL')],
]);

const answer = (over: Partial<DryRunAnswer>): DryRunAnswer => ({
  valid: false,
  eligible: ['a'],
  offenders: [],
  summary: {
    people: 1,
    byOutcome: { handed_over: 1, absent: 0, declined: 0 },
    byNationality: [{ code: 'THA', count: 1 }],
  },
  ...over,
});

describe('the result of a dry run', () => {
  it('lists each ineligible person with case number, current status and the reason in plain words', async () => {
    const onRemove = vi.fn();
    const dry = answer({
      offenders: [
        { personId: 'b', reason: 'not_eligible' },
        { personId: 'c', reason: 'not_eligible' },
      ],
    });
    await renderPage(
      <CheckResult
        checked={{ fingerprint: 'f', ...dry }}
        current
        selection={selection}
        onRemove={onRemove}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('2 people cannot be part of this event');
    const list = screen.getByRole('list', { name: 'People who cannot be part of this event' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('2023-000002');
    expect(rows[0]).toHaveTextContent('Screening');
    expect(rows[0]).toHaveTextContent('Not eligible: the case is at “Screening”');
    expect(rows[1]).toHaveTextContent('“Departed”');
    expect(within(rows[0]).getByRole('link', { name: /2023-000002/ })).toHaveAttribute('href', '/cases/b');

    const user = userEvent.setup();
    await user.click(within(rows[0]).getByRole('button', { name: 'Remove 2023-000002 from this event' }));
    expect(onRemove).toHaveBeenLastCalledWith(['b']);
    await user.click(screen.getByRole('button', { name: 'Remove the 2 ineligible people' }));
    expect(onRemove).toHaveBeenLastCalledWith(['b', 'c']);
  });

  it('says a record not found plainly, without a case number to show', async () => {
    const dry = answer({ offenders: [{ personId: 'gone', reason: 'not_found' }] });
    await renderPage(
      <CheckResult checked={{ fingerprint: 'f', ...dry }} current selection={selection} onRemove={vi.fn()} />,
    );
    expect(screen.getByText(/Not found: this record does not exist/)).toBeInTheDocument();
    expect(screen.getByText('Unknown record')).toBeInTheDocument();
  });

  it('when clean, says everyone can go and counts them by country', async () => {
    const dry = answer({ valid: true });
    await renderPage(
      <CheckResult
        checked={{ fingerprint: fingerprint({} as never), ...dry }}
        current
        selection={selection}
        onRemove={vi.fn()}
      />,
    );
    expect(screen.getByTestId('check-clean')).toHaveTextContent('Everyone can go: 1 person');
    expect(screen.getByText('Thailand: 1')).toBeInTheDocument();
  });

  it('says a check made before the last change is out of date', async () => {
    await renderPage(
      <CheckResult
        checked={{ fingerprint: 'f', ...answer({ valid: true }) }}
        current={false}
        selection={selection}
        onRemove={vi.fn()}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Something changed since the last check');
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useLocation } from 'react-router';
import { renderPage } from '../../test/render';
import { useReportParams } from './useReportParams';

/** Both ends of the range typed before the router has rendered the first, as a loaded browser may. */
function BothEndsAtOnce() {
  const [params, update] = useReportParams();
  const location = useLocation();
  return (
    <>
      <button
        onClick={() => {
          update({ from: '2023-01-01' });
          update({ to: '2024-12-31' });
        }}
      >
        range
      </button>
      <output data-testid="address">{location.search}</output>
      <output data-testid="range">{`${params.from}…${params.to}`}</output>
    </>
  );
}

describe('the report choices in the address', () => {
  it('keeps both ends of a range typed in quick succession, and the choices already there', async () => {
    await renderPage(<BothEndsAtOnce />, '/reports?report=crosstab');
    await userEvent.setup().click(screen.getByRole('button', { name: 'range' }));
    expect(screen.getByTestId('address')).toHaveTextContent('?report=crosstab&from=2023-01-01&to=2024-12-31');
    expect(screen.getByTestId('range')).toHaveTextContent('2023-01-01…2024-12-31');
  });
});

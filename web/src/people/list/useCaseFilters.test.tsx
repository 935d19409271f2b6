import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useLocation } from 'react-router';
import { renderPage } from '../../test/render';
import { useCaseFilters } from './useCaseFilters';

/** Two changes before the router has rendered the first, as a slow phone may send them. */
function TwoQuickChanges() {
  const { filters, update, clear } = useCaseFilters();
  const location = useLocation();
  return (
    <>
      <button
        onClick={() => {
          update({ nationality: ['THA'] });
          update({ status: ['departed'] });
        }}
      >
        both
      </button>
      <button onClick={clear}>clear</button>
      <output data-testid="address">{location.search}</output>
      <output data-testid="filters">{JSON.stringify([filters.nationality, filters.status])}</output>
    </>
  );
}

describe('the case filters in the address', () => {
  it('keeps both of two changes made in quick succession, and clears them all', async () => {
    await renderPage(<TwoQuickChanges />, '/cases?overdue=true');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'both' }));
    expect(screen.getByTestId('address')).toHaveTextContent('?nationality=THA&status=departed&overdue=true');
    expect(screen.getByTestId('filters')).toHaveTextContent('[["THA"],["departed"]]');
    await user.click(screen.getByRole('button', { name: 'clear' }));
    expect(screen.getByTestId('address')).toBeEmptyDOMElement();
  });
});

import { renderPage } from '../../test/render';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EraseDialog } from './EraseDialog';

vi.setConfig({ testTimeout: 20_000 });

describe('the erasure confirmation', () => {
  it('names what is wiped and what is kept, and erases only once the case number is typed', async () => {
    const onConfirm = vi.fn();
    await renderPage(
      <EraseDialog
        opened
        caseNumber="2024-000123"
        busy={false}
        error={null}
        onCancel={vi.fn()}
        onConfirm={onConfirm}
      />,
    );
    expect(screen.getByTestId('erase-wiped').textContent).toContain('Identity and travel document numbers');
    expect(screen.getByTestId('erase-kept').textContent).toContain('Nationalities');
    const erase = screen.getByRole('button', { name: 'Erase for good' });
    expect(erase).toHaveProperty('disabled', true);
    const user = userEvent.setup();
    const field = screen.getByLabelText(/type the case number: 2024-000123/);
    await user.type(field, '2024-000124');
    expect(erase).toHaveProperty('disabled', true);
    await user.clear(field);
    await user.type(field, '2024-000123');
    expect(erase).toHaveProperty('disabled', false);
    await user.click(erase);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});

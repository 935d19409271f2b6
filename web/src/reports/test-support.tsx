import type { ReactElement } from 'react';
import { renderPage } from '../test/render';

/** A reports component as the app shows it, at /reports unless said. */
export const renderReport = (ui: ReactElement, path = '/reports') => renderPage(ui, path);

export const row = (key: string, label: string, count: number | null) => ({
  key,
  label,
  count,
  suppressed: count === null,
});

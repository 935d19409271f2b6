import { useFormat } from '../../i18n/format';
import { HiddenFigure } from './HiddenFigure';

/** One count of a report: the number in the reader's locale, or the hidden mark. */
export function Figure({ count, suppressed }: { count: number | null; suppressed: boolean }) {
  const format = useFormat();
  if (suppressed || count === null) return <HiddenFigure />;
  return <>{format.number(count)}</>;
}

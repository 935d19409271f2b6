import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A choice of dimension ("by nationality", "by month", …), each named in the reader's language. */
export function GroupingSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  disabledOption,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
  /** A dimension that cannot be chosen here (a cross-tab's other axis). */
  disabledOption?: T;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as T)}
      data={options.map((o) => ({
        value: o,
        label: t(`reports.dimension.${o}`),
        disabled: o === disabledOption,
      }))}
      w={200}
    />
  );
}

import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

/** A calendar day ('YYYY-MM-DD') picked or typed; the week starts on Monday. */
export function DayPicker({ value, onChange, ...props }: { value: string | null; onChange: (d: string | null) => void } & Omit<DateInputProps, 'value' | 'onChange'>) {
  return (
    <DateInput
      clearable
      valueFormat="D MMM YYYY"
      firstDayOfWeek={1}
      leftSection={<IconCalendar size={16} aria-hidden />}
      popoverProps={{ withinPortal: true }}
      value={value}
      onChange={(d) => onChange(d ? String(d).slice(0, 10) : null)}
      {...props}
    />
  );
}

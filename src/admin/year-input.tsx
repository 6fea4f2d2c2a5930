import { Field, TextInput } from '@strapi/design-system';
import { InputRenderer, useField } from '@strapi/strapi/admin';
import type { ComponentProps } from 'react';
import { isYearAttribute } from './years';

type Props = ComponentProps<typeof InputRenderer> & { attribute?: { type?: string; min?: number; max?: number } };

/**
 * A year as a year in the edit view: Strapi's number input formats every integer with thousands
 * separators ("2,004"). Digits only, at most four; the schema's min and max still validate it.
 */
const YearInput = ({ name, required, label, hint, labelAction, disabled, placeholder }: Props) => {
  const field = useField<number | null>(name);
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        inputMode="numeric"
        autoComplete="off"
        value={field.value == null ? '' : String(field.value)}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(event: { target: { value: string } }) => {
          const digits = event.target.value.replace(/\D/g, '').slice(0, 4);
          field.onChange(name, digits === '' ? null : Number(digits));
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

/** The content manager's integer input (`app.addFields`): years as above, every other integer as Strapi renders it. */
export const IntegerInput = (props: Props) => (isYearAttribute(props.attribute) ? <YearInput {...props} /> : <InputRenderer {...props} />);

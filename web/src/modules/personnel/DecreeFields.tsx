import { SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { usePersonnelT, type PersonnelTranslate } from './i18n';
import { OptionalLabel } from './OptionalLabel';
import { isIsoDate } from './personnel.format';

/** Props of the decree fields; the form names its TMT field (`tmt`, `startDate`) and holds `skNumber` and `skDate`. */
export interface DecreeFieldsProps {
  tmtName: string;
  tmtLabel: string;
  tmtHint: string;
  /** An SK number of the kind this decree carries, as an example. */
  skPlaceholder: string;
  /** The form's `getInputProps`. */
  inputProps(field: string): GetInputPropsReturnType;
}

/**
 * The decree an appointment or a promotion rests on: the TMT (the day it takes effect, required),
 * then the SK's number and date, optional because older files often lack them.
 */
export function DecreeFields({ tmtName, tmtLabel, tmtHint, skPlaceholder, inputProps }: DecreeFieldsProps) {
  const t = usePersonnelT();
  return (
    <>
      <TextInput label={tmtLabel} name={tmtName} type="date" required description={tmtHint} w={{ base: '100%', sm: '50%' }} {...inputProps(tmtName)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={<OptionalLabel label={t('form.skNumber')} />} name="skNumber" maxLength={100} placeholder={skPlaceholder} {...inputProps('skNumber')} />
        <TextInput label={<OptionalLabel label={t('form.skDate')} />} name="skDate" type="date" {...inputProps('skDate')} />
      </SimpleGrid>
    </>
  );
}

/**
 * The checks of DecreeFields, for the form's `validate` after its other rules: the TMT a date, the SK
 * number and date well formed when given. In field order, as the first failing field takes the focus.
 */
export function decreeRules<K extends string>(t: PersonnelTranslate, tmtName: K) {
  type Rule = (v: string) => string | null;
  const tmt: Rule = (v) => (!v ? t('form.required') : isIsoDate(v) ? null : t('form.dateInvalid'));
  const skNumber: Rule = (v) => (!v.trim() || v.trim().length >= 3 ? null : t('form.skNumberShort'));
  const skDate: Rule = (v) => (!v || isIsoDate(v) ? null : t('form.dateInvalid'));
  return { [tmtName]: tmt, skNumber, skDate } as Record<K | 'skNumber' | 'skDate', Rule>;
}

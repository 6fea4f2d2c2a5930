import * as React from 'react';
import { useIntl } from 'react-intl';
import { knownDefaultLocale, languageName, useLocales } from './locales';

/**
 * In the edit view of a non-default locale, the shared (non-localized) fields, which are the same
 * in every language, are shown read-only with their value and a note saying where they are edited,
 * also in a version that does not exist yet (Strapi showed them as "No permissions" to a
 * translator). Content-manager hook `Admin/CM/pages/EditView/mutate-edit-view-layout`.
 */

type Field = { name: string; attribute?: { type?: string; pluginOptions?: { i18n?: { localized?: boolean } } }; hint?: React.ReactNode; disabled?: boolean };
type Layout = { layout: Field[][][]; options?: { i18n?: { localized?: boolean } } };
type HookArgs = { layout: Layout; query?: { plugins?: { i18n?: { locale?: string } } } };

const SharedNote = ({ hint }: { hint?: React.ReactNode }) => {
  const source = useLocales()?.find((locale) => locale.isDefault);
  const name = source ? languageName(source) : 'default';
  return (
    <span data-testid="shared-field-note">
      {hint ? (
        <>
          {hint}
          <br />
        </>
      ) : null}
      <FormattedNote language={name} />
    </span>
  );
};

const FormattedNote = ({ language }: { language: string }) => {
  const { formatMessage } = useIntl();
  return <>{formatMessage({ id: 'translations.workspace.shared', defaultMessage: 'Shared with the {language} version; edited there.' }, { language })}</>;
};

const isShared = (field: Field): boolean => {
  const type = field.attribute?.type;
  return field.attribute?.pluginOptions?.i18n?.localized !== true && type !== 'relation' && type !== undefined;
};

/** The edit view's locale, from its address: hooks before this one (i18n's) may drop `query`. */
const currentLocale = (query: HookArgs['query']): string | null =>
  query?.plugins?.i18n?.locale ?? new URLSearchParams(window.location.search).get('plugins[i18n][locale]');

export const sharedFieldsNote = ({ layout, query, ...rest }: HookArgs) => {
  const locale = currentLocale(query);
  const source = knownDefaultLocale();
  if (layout.options?.i18n?.localized !== true || !locale || !source || locale === source) return { layout, query, ...rest };
  return {
    ...rest,
    query,
    layout: {
      ...layout,
      layout: layout.layout.map((panel) =>
        panel.map((row) => row.map((field) => (isShared(field) ? { ...field, disabled: true, hint: <SharedNote hint={field.hint} /> } : field)))
      ),
    },
  };
};

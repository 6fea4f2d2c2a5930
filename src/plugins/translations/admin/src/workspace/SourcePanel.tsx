import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useForm, useQueryParams, unstable_useDocumentLayout } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { BlocksView } from './BlocksView';
import { insertion } from './insert';
import { languageName, useLocales, type Locale } from './locales';
import type { DiffPart, PanelData, PanelField, Suggestion } from './types';

type PanelProps = { model: string; documentId?: string; collectionType: string };
const id = (key: string) => `translations.workspace.${key}`;

const DiffView = ({ parts }: { parts: DiffPart[] }) => (
  <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap' }} data-testid="source-diff">
    {parts.map((part, index) =>
      part.op === 'insert' ? (
        <ins key={index} style={{ background: '#c6f6d5', textDecoration: 'none' }}>
          {part.text}
        </ins>
      ) : part.op === 'delete' ? (
        <del key={index} style={{ background: '#fed7d7' }}>
          {part.text}
        </del>
      ) : (
        <span key={index}>{part.text}</span>
      )
    )}
  </Typography>
);

const SuggestionView = ({ suggestion, field }: { suggestion: Suggestion; field: PanelField }) => {
  const { formatMessage } = useIntl();
  const values = useForm('TranslationMemory', (state) => state.values) as Record<string, unknown>;
  const onChange = useForm('TranslationMemory', (state) => state.onChange);
  const disabled = useForm('TranslationMemory', (state) => state.disabled);
  return (
    <Box paddingTop={2} data-testid="memory-suggestion">
      <Typography variant="pi" textColor="neutral600">
        {suggestion.sourceText}
      </Typography>
      {suggestion.matches.map((match, index) => (
        <Flex key={index} gap={2} alignItems="flex-start" paddingTop={1}>
          <Badge active={match.score === 100}>{`${match.score}%`}</Badge>
          <Typography variant="omega" style={{ flex: 1 }}>
            {match.targetText}
            {!match.published && (
              <Typography variant="pi" textColor="neutral500">
                {' '}
                {formatMessage({ id: id('memory.draft'), defaultMessage: '(draft)' })}
              </Typography>
            )}
          </Typography>
          <Button
            size="S"
            variant="secondary"
            disabled={disabled}
            onClick={() => {
              const change = insertion(suggestion.path, field.type, values, match.targetText);
              onChange(change.name, change.value);
            }}
          >
            {formatMessage({ id: id('memory.insert'), defaultMessage: 'Insert' })}
          </Button>
        </Flex>
      ))}
    </Box>
  );
};

const FieldView = ({ field, label, suggestions, sourceName }: { field: PanelField; label: string; suggestions: Suggestion[]; sourceName: string }) => {
  const { formatMessage } = useIntl();
  const empty = field.text === '' || (field.blocks && field.blocks.length === 0) || (field.segments && field.segments.length === 0);
  return (
    <Box paddingBottom={4} data-testid={`source-field-${field.name}`}>
      <Flex gap={2} alignItems="center">
        <Typography variant="sigma" textColor="neutral700">
          {label}
        </Typography>
        {field.outdated && <Badge textColor="warning700" backgroundColor="warning100">{formatMessage({ id: id('outdated'), defaultMessage: 'changed' })}</Badge>}
      </Flex>
      {empty ? (
        <Typography variant="pi" textColor="neutral500">
          {formatMessage({ id: id('empty'), defaultMessage: 'Empty in {language}' }, { language: sourceName })}
        </Typography>
      ) : field.blocks ? (
        <BlocksView blocks={field.blocks} />
      ) : field.segments ? (
        <ul>
          {field.segments.map((segment) => (
            <li key={segment.path}>
              <Typography variant="omega">{segment.text}</Typography>
            </li>
          ))}
        </ul>
      ) : (
        <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap' }}>
          {field.text}
        </Typography>
      )}
      {field.outdated && (
        <Box paddingTop={2}>
          <Typography variant="pi" fontWeight="bold">
            {formatMessage({ id: id('changedSince'), defaultMessage: 'What changed in {language} since it was translated:' }, { language: sourceName })}
          </Typography>
          {field.diff ? (
            <DiffView parts={field.diff} />
          ) : (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({ id: id('noSnapshot'), defaultMessage: 'The earlier text was not recorded (translated before this was kept).' })}
            </Typography>
          )}
        </Box>
      )}
      {suggestions.map((suggestion) => (
        <SuggestionView key={suggestion.path} suggestion={suggestion} field={field} />
      ))}
    </Box>
  );
};

const SourcePanelContent = ({ model, documentId, locale, source }: { model: string; documentId: string; locale: string; source: Locale }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { edit } = unstable_useDocumentLayout(model);
  const [data, setData] = React.useState<PanelData | null>(null);
  const [suggestions, setSuggestions] = React.useState<Suggestion[]>([]);
  const [drafts, setDrafts] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  // The document's updatedAt changes with every save: the panel then shows the new state.
  const savedAt = useForm('SourcePanel', (state) => (state.initialValues as { updatedAt?: string }).updatedAt);

  React.useEffect(() => {
    const params = { contentType: model, documentId, locale };
    get<{ data: PanelData }>('/translations/workspace/source', { params }).then(
      ({ data: body }) => setData(body.data),
      (e: Error) => setError(e.message)
    );
  }, [get, model, documentId, locale, savedAt]);
  React.useEffect(() => {
    const params = { contentType: model, documentId, locale, drafts: String(drafts) };
    get<{ data: Suggestion[] }>('/translations/workspace/memory', { params }).then(
      ({ data: body }) => setSuggestions(body.data),
      () => setSuggestions([])
    );
  }, [get, model, documentId, locale, drafts, savedAt]);

  const labels = React.useMemo(() => {
    const map = new Map<string, string>();
    for (const panel of edit.layout) for (const row of panel) for (const field of row) map.set(field.name, String(field.label));
    return map;
  }, [edit.layout]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data) return <Loader small>{formatMessage({ id: id('loading'), defaultMessage: 'Loading' })}</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="source-panel">
      <Typography variant="pi" textColor="neutral600">
        {data.outdatedFields.length > 0
          ? formatMessage(
              { id: id('outdatedSummary'), defaultMessage: '{count, plural, one {# field} other {# fields}} changed in {language} since translated.' },
              { count: data.outdatedFields.length, language: languageName(source) }
            )
          : formatMessage({ id: id('intro'), defaultMessage: 'The {language} text of every translated field.' }, { language: languageName(source) })}
      </Typography>
      <Checkbox checked={drafts} onCheckedChange={(checked: boolean | 'indeterminate') => setDrafts(checked === true)}>
        {formatMessage({ id: id('memory.drafts'), defaultMessage: 'Also suggest unpublished translations' })}
      </Checkbox>
      {data.pendingLinks.length > 0 && (
        <Box paddingBottom={2} data-testid="pending-links">
          <Typography variant="sigma" textColor="neutral700">
            {formatMessage({ id: id('pendingLinks'), defaultMessage: 'Links waiting for a version in this language' })}
          </Typography>
          {data.pendingLinks.map((link) => (
            <Typography key={`${link.field}/${link.documentId}`} tag="p" variant="omega">
              {labels.get(link.field) ?? link.field}: {link.title || link.documentId}
            </Typography>
          ))}
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: id('pendingLinksHelp'),
              defaultMessage: 'They are linked in {language}. Each is linked here as soon as it is translated.',
            }, { language: languageName(source) })}
          </Typography>
        </Box>
      )}
      {data.fields.map((field) => (
        <FieldView
          key={field.name}
          field={field}
          label={labels.get(field.name) ?? field.name}
          sourceName={languageName(source)}
          suggestions={suggestions.filter((suggestion) => suggestion.field === field.name)}
        />
      ))}
    </Flex>
  );
};

/**
 * The translator's side panel (content manager `addEditViewSidePanel`): in the edit view of a
 * non-default locale of a translated type, the default locale's text of every localized field,
 * what changed in it since the translation, and translation memory suggestions to insert.
 */
export const SourcePanel = ({ model, documentId }: PanelProps) => {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locales = useLocales();
  const locale = query.plugins?.i18n?.locale;
  const source = locales?.find((candidate) => candidate.isDefault);
  if (!model.startsWith('api::') || !documentId || !locale || !source || locale === source.code) return null;
  return {
    title: formatMessage({ id: id('title'), defaultMessage: '{language} source' }, { language: languageName(source) }),
    content: <SourcePanelContent model={model} documentId={documentId} locale={locale} source={source} />,
  };
};

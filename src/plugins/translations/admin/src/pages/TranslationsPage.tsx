import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download, Upload } from '@strapi/icons';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { STATES, editLink, percentUpToDate, typeName, type Settings, type State, type StatusResponse } from '../api';

type ImportResult = { units: number; documents: number; created: number; updated: number; skipped: number; olderSource: string[]; notes: string[] };

const STATUS_FILTERS: Array<{ value: string; label: string }> = [
  { value: 'missing,outdated', label: 'Missing or outdated' },
  { value: 'missing', label: 'Missing' },
  { value: 'outdated', label: 'Outdated' },
  { value: 'draft-only', label: 'Draft only' },
  { value: 'up-to-date', label: 'Up to date' },
  { value: STATES.join(','), label: 'All' },
];
const BADGE: Record<State, 'danger' | 'warning' | 'secondary' | 'success'> = {
  missing: 'danger',
  outdated: 'warning',
  'draft-only': 'secondary',
  'up-to-date': 'success',
};
const PAGE_SIZE = 20;

const errorMessage = (error: unknown): { message: string; problems: string[] } => {
  const body = (error as { response?: { data?: { error?: { message?: string; details?: { problems?: string[] } } } } }).response?.data?.error;
  return { message: body?.message ?? (error as Error).message, problems: body?.details?.problems ?? [] };
};

/**
 * Settings-free page of the translation workflow: coverage per type, the documents to translate
 * (filterable by locale, type and status, each linking to its edit view), "still correct" for an
 * outdated translation, and the XLIFF download and upload of `npm run xliff`.
 */
const TranslationsPage = () => {
  const { get, post } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `translations.page.${key}`, defaultMessage }, values);
  const stateLabel = (state: State) =>
    formatMessage({ id: `translations.status.${state}`, defaultMessage: STATUS_FILTERS.find((option) => option.value === state)?.label ?? state });
  // A filter of one state is named as the state; the two others have labels of their own.
  const filterLabel = (option: { value: string; label: string }) =>
    (STATES as string[]).includes(option.value)
      ? stateLabel(option.value as State)
      : option.value === 'missing,outdated'
        ? t('filter.missingOrOutdated', option.label)
        : t('filter.all', option.label);
  const [locales, setLocales] = React.useState<string[]>(['km']);
  const [locale, setLocale] = React.useState('km');
  const [type, setType] = React.useState('');
  const [status, setStatus] = React.useState('missing,outdated');
  const [page, setPage] = React.useState(1);
  const [response, setResponse] = React.useState<StatusResponse | null>(null);
  const [error, setError] = React.useState<{ message: string; problems: string[] } | null>(null);
  const [result, setResult] = React.useState<ImportResult | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [reload, setReload] = React.useState(0);
  const [settings, setSettings] = React.useState<Settings | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    get<{ data: Settings }>('/translations/settings')
      .then(({ data }) => setSettings(data.data))
      .catch(() => undefined);
  }, [get]);

  React.useEffect(() => {
    get<Array<{ code: string; isDefault: boolean }>>('/i18n/locales')
      .then(({ data }) => setLocales(data.filter((l) => !l.isDefault).map((l) => l.code)))
      .catch(() => undefined);
  }, [get]);

  React.useEffect(() => {
    const params: Record<string, unknown> = { locale, status, pagination: { page, pageSize: PAGE_SIZE } };
    if (type) params.type = type;
    get<StatusResponse>('/translations/status', { params })
      .then(({ data }) => setResponse(data))
      .catch((e) => setError(errorMessage(e)));
  }, [get, locale, type, status, page, reload]);

  const stillCorrect = async (documentId: string, contentType: string) => {
    try {
      await post('/translations/status/still-correct', { data: { contentType, documentId, locale } });
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const download = async () => {
    setError(null);
    const exportStatus = ['missing', 'outdated'].includes(status) ? status : 'all';
    try {
      const { data } = await get<Blob>('/translations/xliff', {
        params: { locale, status: exportStatus, ...(type ? { type } : {}) },
        responseType: 'blob',
      } as never);
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `habitat-${locale}-${type ? typeName(type) : 'all'}-${exportStatus}.xlf`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      // A file download brings no JSON error to read: say what a 403 means here.
      const forbidden = (e as { status?: number }).status === 403;
      setError(forbidden ? { message: `Your role may not read this selection in both the default language and ${locale}.`, problems: [] } : errorMessage(e));
    }
  };

  const upload = async (file: File) => {
    setError(null);
    setResult(null);
    // The server's limit (XLIFF_MAX_FILE_SIZE), said before sending a file it would refuse.
    if (settings && file.size > settings.xliffMaxFileSize) {
      setError({ message: `Nothing was imported: the file is larger than the XLIFF limit of ${settings.xliffMaxFileSizeLabel}.`, problems: [] });
      if (fileInput.current) fileInput.current.value = '';
      return;
    }
    setBusy(true);
    try {
      // A file, not JSON: JSON bodies stop at 1 MB, a 1,000-project export is about 3 MB.
      const form = new FormData();
      form.append('files', file, file.name);
      const { data } = await post<{ data: ImportResult }>('/translations/xliff', form);
      setResult(data.data);
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const summary = response?.meta.summary ?? {};
  const pagination = response?.meta.pagination;

  return (
    <Layouts.Root>
      <Layouts.Header
        title={formatMessage({ id: 'translations.menu', defaultMessage: 'Translations' })}
        subtitle={t('subtitle', 'What is missing or out of date in each language, and XLIFF files for translation tools')}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" startIcon={<Download />} onClick={download}>
              {t('download', 'Download XLIFF')}
            </Button>
            <Button startIcon={<Upload />} loading={busy} onClick={() => fileInput.current?.click()}>
              {t('upload', 'Upload XLIFF')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".xlf,.xliff,.xml"
              style={{ display: 'none' }}
              onChange={(event) => event.target.files?.[0] && upload(event.target.files[0])}
            />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {error && (
            <Alert variant="danger" title="Error" onClose={() => setError(null)} closeLabel="Close">
              {error.message}
              {error.problems.length > 0 && (
                <ul>
                  {error.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
          {result && (
            <Alert variant="success" title="Imported as drafts" onClose={() => setResult(null)} closeLabel="Close">
              {result.units} texts in {result.documents} documents: {result.created} created, {result.updated} updated, {result.skipped} skipped.
              Nothing was published.
              {[...result.olderSource, ...result.notes].length > 0 && (
                <ul>
                  {[...result.olderSource, ...result.notes].map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}

          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              {t('coverage', 'Coverage ({locale})', { locale })}
            </Typography>
            <Table colCount={7} rowCount={Object.keys(summary).length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('type', 'Type')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('documents', 'Documents')}</Typography></Th>
                  <Th><Typography variant="sigma">{stateLabel('missing')}</Typography></Th>
                  <Th><Typography variant="sigma">{stateLabel('outdated')}</Typography></Th>
                  <Th><Typography variant="sigma">{stateLabel('draft-only')}</Typography></Th>
                  <Th><Typography variant="sigma">{stateLabel('up-to-date')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('percentUpToDate', '% up to date')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {Object.entries(summary).map(([uid, counts]) => (
                  <Tr key={uid} onClick={() => { setType(uid); setPage(1); }} style={{ cursor: 'pointer' }}>
                    <Td><Typography>{typeName(uid)}</Typography></Td>
                    <Td><Typography>{counts.total}</Typography></Td>
                    <Td><Typography>{counts.missing}</Typography></Td>
                    <Td><Typography>{counts.outdated}</Typography></Td>
                    <Td><Typography>{counts['draft-only']}</Typography></Td>
                    <Td><Typography>{counts['up-to-date']}</Typography></Td>
                    <Td><Typography fontWeight="bold">{percentUpToDate(counts)}%</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>

          <Flex gap={4} alignItems="flex-end">
            <Box minWidth="160px">
              <Typography variant="pi" fontWeight="bold">{t('language', 'Language')}</Typography>
              <SingleSelect value={locale} onChange={(value: string | number) => { setLocale(String(value)); setPage(1); }}>
                {locales.map((code) => (
                  <SingleSelectOption key={code} value={code}>{code}</SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="220px">
              <Typography variant="pi" fontWeight="bold">{t('type', 'Type')}</Typography>
              <SingleSelect value={type || 'all'} onChange={(value: string | number) => { setType(value === 'all' ? '' : String(value)); setPage(1); }}>
                <SingleSelectOption value="all">{t('allTypes', 'All types')}</SingleSelectOption>
                {Object.keys(summary).map((uid) => (
                  <SingleSelectOption key={uid} value={uid}>{typeName(uid)}</SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="220px">
              <Typography variant="pi" fontWeight="bold">{t('status', 'Status')}</Typography>
              <SingleSelect value={status} onChange={(value: string | number) => { setStatus(String(value)); setPage(1); }}>
                {STATUS_FILTERS.map((option) => (
                  <SingleSelectOption key={option.value} value={option.value}>{filterLabel(option)}</SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          </Flex>

          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            {!response ? (
              <Loader>{t('loading', 'Loading')}</Loader>
            ) : response.data.length === 0 ? (
              <Typography>{t('nothingToShow', 'Nothing to show: every document of this selection is translated.')}</Typography>
            ) : (
              <Table colCount={5} rowCount={response.data.length + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('type', 'Type')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('document', 'Document')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('status', 'Status')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('changedInSource', 'Changed in English')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('action', 'Action')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {response.data.map((row) => (
                    <Tr key={`${row.contentType}/${row.documentId}/${row.locale}`}>
                      <Td><Typography>{typeName(row.contentType)}</Typography></Td>
                      <Td>
                        <a href={editLink(row)}>
                          <Typography textColor="primary600">{row.title || row.documentId}</Typography>
                        </a>
                      </Td>
                      <Td><Badge variant={BADGE[row.status]}>{stateLabel(row.status)}</Badge></Td>
                      <Td>
                        <Typography>{row.outdatedFields.join(', ')}</Typography>
                        {row.pendingLinks.length > 0 && (
                          <Typography tag="p" variant="pi" textColor="neutral600" data-testid="pending-links">
                            {t('pendingLinks', 'Links waiting for a version in this language: {links}', {
                              links: row.pendingLinks.map((link) => `${link.title || link.documentId} (${link.field})`).join(', '),
                            })}
                          </Typography>
                        )}
                      </Td>
                      <Td>
                        {row.status === 'outdated' && (
                          <Button size="S" variant="tertiary" onClick={() => stillCorrect(row.documentId, row.contentType)}>
                            {t('stillCorrect', 'Still correct')}
                          </Button>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
            {pagination && pagination.pageCount > 1 && (
              <Flex gap={2} paddingTop={4} justifyContent="flex-end">
                <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('previous', 'Previous')}</Button>
                <Typography>
                  {t('pageOf', 'Page {page} of {pageCount} ({total} documents)', { page: pagination.page, pageCount: pagination.pageCount, total: pagination.total })}
                </Typography>
                <Button variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>{t('next', 'Next')}</Button>
              </Flex>
            )}
          </Box>
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};

export default TranslationsPage;

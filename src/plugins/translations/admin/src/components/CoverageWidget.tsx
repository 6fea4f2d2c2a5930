import * as React from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { percentUpToDate, typeName, type StatusResponse, type Summary } from '../api';

/** Admin home page: per content type, the share of Khmer translations that are up to date. */
export const CoverageWidget = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const [summary, setSummary] = React.useState<Summary | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<StatusResponse>('/translations/status', { params: { locale: 'km', pagination: { pageSize: 1 } } })
      .then(({ data }) => setSummary(data.meta.summary))
      .catch((e: Error) => setError(e.message));
  }, [get]);

  if (error) {
    return (
      <Typography textColor="danger600">
        {formatMessage({ id: 'translations.widget.error', defaultMessage: 'Could not load the translation status: {error}' }, { error })}
      </Typography>
    );
  }
  if (!summary) return <Loader small>Loading</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {Object.entries(summary).map(([uid, counts]) => (
        <Flex key={uid} justifyContent="space-between" gap={2}>
          <Typography variant="omega">{typeName(uid)}</Typography>
          <Box>
            <Typography variant="omega" fontWeight="bold">
              {formatMessage({ id: 'translations.widget.upToDate', defaultMessage: '{percent}% up to date' }, { percent: percentUpToDate(counts) })}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {' '}
              ({counts.missing} missing, {counts.outdated} outdated)
            </Typography>
          </Box>
        </Flex>
      ))}
    </Flex>
  );
};

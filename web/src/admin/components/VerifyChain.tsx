import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { SuccessAlert } from '../../shell/SuccessAlert';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { useVerifyChain } from '../hooks/useAudit';
import classes from './admin.module.css';

/**
 * Walks the whole hash chain (GET /audit/verify): intact with how many entries and its head, or the
 * first entry whose link is wrong, which means the log was changed behind the app's back.
 */
export function VerifyChain() {
  const { t } = useTranslation();
  const format = useFormat();
  const verify = useVerifyChain();
  const result = verify.data;
  return (
    <Stack gap="sm">
      <Text>{t('admin.audit.verify.explain')}</Text>
      <div>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('admin.audit.verify.button')}
        </Button>
      </div>
      <ErrorAlert error={verify.error} title={t('admin.audit.verify.failed')} />
      {result?.valid && (
        <SuccessAlert title={t('admin.audit.verify.valid')} testId="chain-valid">
          <Text>
            {t('admin.audit.verify.entries', {
              count: result.entries ?? 0,
              value: format.number(result.entries ?? 0),
            })}
          </Text>
          <Text size="sm" className={classes.breakAll}>
            {t('admin.audit.verify.head')} <Code>{result.head}</Code>
          </Text>
        </SuccessAlert>
      )}
      {result && !result.valid && (
        <Alert color="red" variant="outline" role="alert" title={t('admin.audit.verify.broken')}>
          {t('admin.audit.verify.brokenAt', { id: result.brokenAt })}
        </Alert>
      )}
    </Stack>
  );
}

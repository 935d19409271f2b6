import { Alert, Button, Code, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../shell/Page';
import { mfaErrorMessage, type Message } from './messages';
import { QrCode } from './QrCode';
import { RecoveryCodes } from './RecoveryCodes';
import { homeOf } from './roles';
import { useSession } from './session';
import { activateMfa, disableMfa, enrolMfa } from './twoFactor';

type Step =
  | { name: 'status' }
  | { name: 'enrolling'; secret: string; otpauthUrl: string }
  | { name: 'codes'; codes: string[] };

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

/**
 * The user's own two-factor sign-in: set it up (QR code, the key as text, a first code, then the
 * recovery codes once) or turn it off with a code. The only page open while a role requires it.
 */
export default function SecurityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ name: 'status' });
  const [code, setCode] = useState('');
  const [error, setError] = useState<Message | undefined>();
  const [busy, setBusy] = useState(false);
  if (session.status !== 'signed_in') return null;
  const { user } = session;

  /** Runs one call to the API with the page's busy flag and plain-word errors. */
  const run = async (work: () => Promise<void>, needsCode = true) => {
    if (needsCode && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setError({ key: 'auth.mfa.errors.codeFormat' });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(mfaErrorMessage(e));
    } finally {
      setBusy(false);
      setCode('');
    }
  };
  const typed = () => code.replace(/\s/g, '');

  const codeInput = (
    <TextInput
      label={t('auth.mfa.code')}
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={7}
      required
      w={200}
      value={code}
      onChange={(e) => setCode(e.currentTarget.value)}
    />
  );
  const errorAlert = error && (
    <Alert color="red" role="alert">
      {t(error.key, error.values)}
    </Alert>
  );

  return (
    <Page title={t('auth.mfa.title')}>
      {session.mfaEnrollmentRequired && step.name !== 'codes' && (
        <Alert color="orange" role="status">
          {t('auth.mfa.required')}
        </Alert>
      )}
      {step.name === 'codes' ? (
        <RecoveryCodes
          codes={step.codes}
          email={user.email}
          onDone={() => {
            setStep({ name: 'status' });
            navigate(homeOf(user.role), { replace: true });
          }}
        />
      ) : user.mfaEnabled ? (
        <Stack gap="sm" maw={520}>
          <Text fw={600} data-testid="mfa-status">
            {t('auth.mfa.onStatus')}
          </Text>
          <Title order={2} size="h3">
            {t('auth.mfa.turnOffTitle')}
          </Title>
          <Text>{t('auth.mfa.turnOffIntro')}</Text>
          {errorAlert}
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await disableMfa(typed());
                notifications.show({
                  color: 'green',
                  message: t('auth.mfa.turnedOff'),
                  closeButtonProps: { 'aria-label': t('common.close') },
                });
              });
            }}
          >
            <Stack gap="sm">
              {codeInput}
              <Button type="submit" color="red" variant="outline" loading={busy} w="fit-content">
                {t('auth.mfa.turnOff')}
              </Button>
            </Stack>
          </form>
        </Stack>
      ) : step.name === 'enrolling' ? (
        <Stack gap="sm" maw={520}>
          <Text>{t('auth.mfa.scan')}</Text>
          <QrCode value={step.otpauthUrl} alt={t('auth.mfa.qrAlt')} />
          <Text size="sm">{t('auth.mfa.manual')}</Text>
          <Code fz="md" data-testid="mfa-secret" w="fit-content">
            {grouped(step.secret)}
          </Code>
          <Text>{t('auth.mfa.enterCode')}</Text>
          {errorAlert}
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => setStep({ name: 'codes', codes: await activateMfa(typed()) }));
            }}
          >
            <Stack gap="sm">
              {codeInput}
              <Button type="submit" loading={busy} w="fit-content">
                {t('auth.mfa.activate')}
              </Button>
            </Stack>
          </form>
        </Stack>
      ) : (
        <Stack gap="sm" maw={520}>
          <Text>{t('auth.mfa.intro')}</Text>
          <Text fw={600} data-testid="mfa-status">
            {t('auth.mfa.offStatus')}
          </Text>
          {errorAlert}
          <Button
            w="fit-content"
            loading={busy}
            onClick={() => void run(async () => setStep({ name: 'enrolling', ...(await enrolMfa()) }), false)}
          >
            {t('auth.mfa.start')}
          </Button>
        </Stack>
      )}
    </Page>
  );
}

import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { signInErrorMessage, type Message } from './messages';
import { signInSecondStep } from './session';

/**
 * The second step of a sign-in with two-factor on: the authenticator's 6-digit code, or one of the
 * recovery codes. An expired or spent first step sends the user back to the password (`onStartOver`
 * with the reason); a wrong code stays here, since the step is still good for a retry.
 */
export function SecondFactorForm({
  mfaToken,
  onStartOver,
}: {
  mfaToken: string;
  onStartOver: (why?: Message) => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<Message | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => input.current?.focus(), [recovery]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const code = value.replace(/\s/g, '');
    if (!recovery && !/^\d{6}$/.test(code)) {
      setError({ key: 'auth.errors.codeFormat' });
      return;
    }
    if (recovery && !code) {
      setError({ key: 'auth.errors.VALIDATION_FAILED' });
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      await signInSecondStep(mfaToken, recovery ? { recoveryCode: value } : { code });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_MFA_TOKEN') {
        onStartOver(signInErrorMessage(e));
        return;
      }
      setError(signInErrorMessage(e));
      setValue('');
    } finally {
      setSubmitting(false);
    }
  };

  const toggle = () => {
    setRecovery(!recovery);
    setValue('');
    setError(undefined);
  };

  return (
    <Stack gap="sm" data-testid="second-factor">
      <Title order={2} size="h3">
        {t('auth.signIn.secondStep.title')}
      </Title>
      <Text size="sm">
        {recovery ? t('auth.signIn.secondStep.recoveryIntro') : t('auth.signIn.secondStep.intro')}
      </Text>
      {error && (
        <Alert color="red" role="alert" ref={errorRef} tabIndex={-1} data-testid="sign-in-error">
          {t(error.key, error.values)}
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {recovery ? (
            <TextInput
              key="recovery"
              ref={input}
              label={t('auth.signIn.secondStep.recoveryCode')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
            />
          ) : (
            <TextInput
              key="code"
              ref={input}
              label={t('auth.signIn.secondStep.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              required
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
            />
          )}
          <Button type="submit" loading={submitting} fullWidth mt="xs">
            {t('auth.signIn.secondStep.submit')}
          </Button>
        </Stack>
      </form>
      <Group justify="space-between" gap="xs">
        <Anchor component="button" type="button" size="sm" onClick={toggle}>
          {recovery ? t('auth.signIn.secondStep.useCode') : t('auth.signIn.secondStep.useRecoveryCode')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={() => onStartOver()}>
          {t('auth.signIn.secondStep.startOver')}
        </Anchor>
      </Group>
    </Stack>
  );
}

import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shell/ErrorAlert';
import type { CaseStatus, Person } from './caseApi';
import { MoveDialog } from './MoveDialog';
import { Panel } from './Panel';
import { useMoveCase } from './useMoveCase';

/**
 * The steps the case can take now: exactly the person view's `allowedTransitions` (the API applies
 * the workflow, a hold's return and the caller's role), never a list of our own. Steps that only an
 * event causes (embassy notified, departure, arrival home) are not offered here; the hint says where.
 */
export function NextSteps({ person }: { person: Person }) {
  const { t } = useTranslation();
  const move = useMoveCase(person);
  const [target, setTarget] = useState<CaseStatus | undefined>();
  const [moved, setMoved] = useState<CaseStatus | undefined>();

  return (
    <Panel id="next-steps" title={t('people.case.move.title')} visibility={t('people.case.move.intro')}>
      <Stack gap="sm">
        {person.allowedTransitions.length === 0 ? (
          <Text>{t('people.case.move.none')}</Text>
        ) : (
          <Group gap="xs" data-testid="next-steps">
            {person.allowedTransitions.map((to) => (
              <Button
                key={to}
                variant={to === 'closed' ? 'outline' : 'filled'}
                onClick={() => {
                  move.reset();
                  setMoved(undefined);
                  setTarget(to);
                }}
              >
                {t('people.case.move.to', { status: t(`common.status.${to}`) })}
              </Button>
            ))}
          </Group>
        )}
        <ErrorAlert error={move.error} title={t('people.case.move.failed')} />
        {moved && (
          <Alert color="green" variant="outline" role="status">
            {t('people.case.move.done', { status: t(`common.status.${moved}`) })}
          </Alert>
        )}
        <Text size="sm">
          {t('people.case.move.elsewhere')} <Link to="/handovers">{t('people.case.move.handoversLink')}</Link>
        </Text>
      </Stack>
      <MoveDialog
        target={target}
        busy={move.isPending}
        onCancel={() => setTarget(undefined)}
        onConfirm={(request) =>
          move.mutate(request, {
            onSuccess: () => setMoved(request.to),
            onSettled: () => setTarget(undefined),
          })
        }
      />
    </Panel>
  );
}

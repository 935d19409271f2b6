import { Anchor, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import type { AuditEntry } from '../hooks/useAudit';
import classes from './admin.module.css';

/** Who did what, when, to which record: one line per entry, newest first as the API gives them. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entries.length === 0) return <Text>{t('admin.audit.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.audit.columns.when')}</Table.Th>
            <Table.Th>{t('admin.audit.columns.who')}</Table.Th>
            <Table.Th>{t('admin.audit.columns.what')}</Table.Th>
            <Table.Th>{t('admin.audit.columns.record')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-action={entry.action}>
              <Table.Td>{format.dateTime(entry.at)}</Table.Td>
              <Table.Td>
                {entry.actor ? (
                  <>
                    {entry.actor.displayName ?? t('admin.audit.unknownAccount')}
                    {entry.actor.role && <Text size="sm">{t(`shell.roles.${entry.actor.role}`)}</Text>}
                  </>
                ) : (
                  t('admin.audit.nobody')
                )}
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
                {entry.outcome !== 'success' && (
                  <Text size="sm" fw={700}>
                    {t(`admin.audit.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Record type={entry.entityType} id={entry.entityId} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Record({ type, id }: { type: string | null; id: string | null }) {
  const { t } = useTranslation();
  if (!type) return <>{t('admin.audit.noRecord')}</>;
  const kind = t(`admin.audit.entityTypes.${type}`, { defaultValue: type });
  if (!id) return <>{kind}</>;
  return (
    <>
      {kind}
      <Text size="sm" ff="monospace" className={classes.breakAll}>
        {type === 'person' ? (
          <Anchor component={Link} to={`/cases/${id}`}>
            {id}
          </Anchor>
        ) : (
          id
        )}
      </Text>
    </>
  );
}

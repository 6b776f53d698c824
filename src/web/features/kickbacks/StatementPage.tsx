import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconFileTypeCsv, IconFileTypePdf, IconCash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { payStatementBody, type StatementDetail } from '../../../shared/schemas/kickback.js';
import { errorMessage } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { formatDate, formatDay, formatMinor, todayInZurich } from '../../lib/format.js';
import { formatRate, STATUS_COLORS } from './format.js';
import { statementDownload, statementQuery, useStatementPayout } from './queries.js';
import { periodOf } from './StatementsPage.js';

function PayModal({ statement, opened, onClose }: { statement: StatementDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('kickbacks');
  const payout = useStatementPayout();
  const form = useSchemaForm(payStatementBody.omit({ version: true }), { paidOn: todayInZurich(), paymentReference: '' } as { paidOn: string; paymentReference: string }, {
    labels: { paidOn: t('detail.paidOn'), paymentReference: t('detail.paymentReference') },
  });
  // Read outside the markup: the literal-string lint takes field names for words.
  const referenceInput = form.getInputProps('paymentReference');
  const submit = form.submit(async (body) => {
    await payout.mutateAsync({ id: statement.id, pay: { ...body, version: statement.version } });
    notifications.show({ color: 'teal', message: t('detail.paidDone') });
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('detail.payTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <DateInput
            label={t('detail.paidOn')}
            required
            valueFormat="YYYY-MM-DD"
            value={form.values.paidOn}
            onChange={(d) => form.setFieldValue('paidOn', d ? String(d).slice(0, 10) : '')}
            error={form.errors.paidOn}
          />
          <TextInput label={t('detail.paymentReference')} required data-autofocus {...referenceInput} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('detail.cancel')}
            </Button>
            <Button type="submit" loading={payout.isPending}>
              {t('detail.confirmPay')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Loaded({ s }: { s: StatementDetail }) {
  const { t } = useTranslation('kickbacks');
  const payout = useStatementPayout();
  const [paying, setPaying] = useState(false);
  const approve = () =>
    payout.mutate(
      { id: s.id, approve: { version: s.version } },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('detail.approved') }), onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) },
    );
  return (
    <>
      <PageHeader
        title={t('detail.title', { partner: s.partner.name })}
        description={
          <Group gap="xs">
            <Text size="sm">{periodOf(s)}</Text>
            <Badge color={STATUS_COLORS[s.status]} variant="light" tt="none">
              {t(`status.${s.status}`)}
            </Badge>
          </Group>
        }
        actions={
          <Group gap="sm">
            <Button component="a" href={statementDownload(s.id, 'pdf')} download variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {t('detail.pdf')}
            </Button>
            <Button component="a" href={statementDownload(s.id, 'csv')} download variant="default" leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
              {t('detail.csv')}
            </Button>
            {s.can.approve && (
              <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={approve} loading={payout.isPending}>
                {t('detail.approve')}
              </Button>
            )}
            {s.can.pay && (
              <Button leftSection={<IconCash size={16} aria-hidden />} onClick={() => setPaying(true)}>
                {t('detail.pay')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        {(s.approvedBy || s.paidOn) && (
          <Stack gap={2}>
            {s.approvedBy && s.approvedAt && (
              <Text size="sm" c="dimmed">
                {t('statement.approvedBy', { name: s.approvedBy.name, date: formatDate(s.approvedAt) })}
              </Text>
            )}
            {s.paidOn && (
              <Text size="sm" c="dimmed">
                {t('statement.paid', { date: formatDay(s.paidOn), reference: s.paymentReference ?? '' })}
              </Text>
            )}
          </Stack>
        )}
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Caption className="visually-hidden">{t('detail.lines')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('line.earnedOn')}</Table.Th>
                  <Table.Th>{t('line.opportunity')}</Table.Th>
                  <Table.Th>{t('line.customer')}</Table.Th>
                  <Table.Th>{t('line.reason')}</Table.Th>
                  <Table.Th>{t('line.basis')}</Table.Th>
                  <Table.Th ta="right">{t('line.basisAmount')}</Table.Th>
                  <Table.Th ta="right">{t('line.rate')}</Table.Th>
                  <Table.Th ta="right">{t('line.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{formatDay(l.earnedOn)}</Table.Td>
                    <Table.Td>
                      {l.opportunity ? (
                        <Anchor component={Link} to={`/deals/${encodeURIComponent(l.opportunity.id)}`} size="sm">
                          {l.opportunity.name}
                        </Anchor>
                      ) : (
                        t('line.removedDeal')
                      )}
                    </Table.Td>
                    <Table.Td>{l.customer?.name ?? ''}</Table.Td>
                    <Table.Td>{t(`reason.${l.reason}`)}</Table.Td>
                    <Table.Td>{t(`basis.${l.basis}`)}</Table.Td>
                    <Table.Td ta="right">{l.basisMinor === null ? '' : formatMinor(l.basisMinor, l.currency)}</Table.Td>
                    <Table.Td ta="right">{l.rateBp === null ? '' : formatRate(l.rateBp)}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatMinor(l.amountMinor, l.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={7} ta="right">
                    {t('detail.total')}
                  </Table.Th>
                  <Table.Td ta="right" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="statement-total">
                    {formatMinor(s.totalMinor, s.currency)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
      <PayModal statement={s} opened={paying} onClose={() => setPaying(false)} />
    </>
  );
}

/** One commission statement: its lines and total, the PDF and CSV, and its payout (finance). */
export function StatementPage() {
  const { t } = useTranslation('kickbacks');
  const { id = '' } = useParams();
  const statement = useQuery(statementQuery(id));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/commission-statements" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('detail.back')}
        </Group>
      </Anchor>
      <QueryStates query={statement} loading={t('detail.loading')}>
        {(s) => <Loaded s={s} />}
      </QueryStates>
    </Stack>
  );
}

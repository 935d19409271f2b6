import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { buildBody, canRecord, type CheckedDraft, fingerprint } from '../lib/draft';
import { IdempotencyKeys } from '../lib/idempotency';
import { offendersOfRefusal } from '../lib/offenders';
import { lookupCaseNumbers } from '../lib/peopleLookup';
import { addPeople, removePeople, type Selection } from '../lib/selection';
import {
  type DryRunAnswer,
  EMPTY_DETAILS,
  type EventDetails,
  type PersonSummary,
  type RecordedHandover,
} from '../lib/types';
import { validateDetails } from '../lib/validateDetails';

/** After a check, the offenders' current status is read again when they are this few (one request each). */
const REFRESH_OFFENDERS_UP_TO = 25;

/**
 * The state of one handover being built: the people chosen, the event's details, the last check
 * and the recording. The event can be recorded only after a clean check of exactly what is on
 * screen; a retried recording sends the same Idempotency-Key, so a lost answer never records twice.
 */
export function useHandoverBuilder() {
  const queryClient = useQueryClient();
  const [selection, setSelectionState] = useState<Selection>(new Map());
  // The latest selection, for additions that arrive after a request (two pickers may add at once).
  const latest = useRef<Selection>(selection);
  const setSelection = (next: Selection | ((s: Selection) => Selection)) => {
    latest.current = typeof next === 'function' ? next(latest.current) : next;
    setSelectionState(latest.current);
  };
  const [noPeople, setNoPeople] = useState(false);
  const [checked, setChecked] = useState<CheckedDraft | undefined>();
  const [recorded, setRecorded] = useState<RecordedHandover | undefined>();
  const keys = useRef(new IdempotencyKeys());
  const form = useForm<EventDetails>({
    mode: 'controlled',
    initialValues: EMPTY_DETAILS,
    validate: validateDetails,
  });

  const ids = useMemo(() => [...selection.keys()], [selection]);
  const body = useMemo(() => {
    if (!ids.length || Object.keys(validateDetails(form.values)).length) return undefined;
    return buildBody(form.values, ids);
  }, [form.values, ids]);
  const current = body && fingerprint(body);

  const dryRun = useMutation({
    mutationFn: async (sent: NonNullable<typeof body>) => {
      // The route answers 200 (a dry run) or 201 (an event); with dryRun=true only the first.
      const answer = (await unwrap(
        api.POST('/api/v1/handovers', { params: { query: { dryRun: true } }, body: sent }),
      )) as DryRunAnswer;
      return { sent, answer };
    },
    onSuccess: async ({ sent, answer }) => {
      setChecked({ fingerprint: fingerprint(sent), ...answer });
      await refreshStatuses(answer.offenders.map((o) => o.personId));
    },
  });

  const record = useMutation({
    mutationFn: (sent: NonNullable<typeof body>) =>
      unwrap(
        api.POST('/api/v1/handovers', {
          body: sent,
          params: { header: { 'Idempotency-Key': keys.current.keyFor(fingerprint(sent)) } },
        }),
      ),
    onSuccess: (event) => {
      keys.current.forget();
      setRecorded(event as RecordedHandover);
      setSelection(new Map());
      setChecked(undefined);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['handovers'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
    onError: (error, sent) => {
      const offenders = offendersOfRefusal(error);
      if (offenders) setChecked({ fingerprint: fingerprint(sent), valid: false, offenders });
    },
  });

  /** The offenders' statuses as they are now (someone may have just fixed a case in another tab). */
  async function refreshStatuses(offenderIds: string[]) {
    const numbers = offenderIds.flatMap((id) => latest.current.get(id)?.caseNumber ?? []);
    if (!numbers.length || numbers.length > REFRESH_OFFENDERS_UP_TO) return;
    const { found } = await lookupCaseNumbers(numbers).catch(() => ({ found: [] }));
    setSelection(
      (s) =>
        addPeople(
          s,
          found.filter((p) => s.has(p.id)),
        )[0],
    );
  }

  return {
    form,
    selection,
    checked,
    /** The last check is about what is on screen now (nothing changed since). */
    checkIsCurrent: !!checked && checked.fingerprint === current,
    recordable: canRecord(checked, current),
    recorded,
    /** A check was asked for with nobody chosen. */
    noPeople,
    dryRun,
    record,
    /** Adds these people; answers how many were not chosen yet. */
    add(people: readonly PersonSummary[]): number {
      const [next, added] = addPeople(latest.current, people);
      setSelection(next);
      if (next.size) setNoPeople(false);
      return added;
    },
    remove(idsToRemove: Iterable<string>) {
      setSelection((s) => removePeople(s, idsToRemove));
    },
    clear() {
      setSelection(new Map());
    },
    /** Validates the form, then asks the API what recording this body would do. */
    check() {
      setRecorded(undefined);
      setNoPeople(!selection.size);
      if (form.validate().hasErrors || !body) return;
      dryRun.mutate(body);
    },
    submit() {
      if (body && canRecord(checked, current)) record.mutate(body);
    },
    startNew() {
      setRecorded(undefined);
      dryRun.reset();
      record.reset();
    },
  };
}

export type HandoverBuilder = ReturnType<typeof useHandoverBuilder>;

import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api.js';
import { i18n, fieldMessage as issueText } from '../i18n.js';

type Values = Record<string, unknown>;
type FormErrors = Record<string, ReactNode>;

/**
 * The API and the shared zod schemas phrase field messages as predicates ("is required",
 * "must be at least 12 characters"); shown under a field they read best after its label.
 */
export function fieldMessage(label: string | undefined, message: string): string {
  if (!label || !/^[a-z]/.test(message)) return message;
  return `${label} ${message}`;
}

interface Options<V extends Values> {
  /** Labels used to phrase messages ("Password must be at least…"). */
  labels?: Partial<Record<keyof V & string, string>>;
  /** Checks the schema cannot express (e.g. two passwords match), phrased like the schema's; an empty field keeps its message ("Enter your password"). */
  validate?: (values: V) => Partial<Record<keyof V & string, string | undefined>>;
  /**
   * Renames a message's path (the schema's or the server's, `body.` removed) before it is matched to
   * a field, for forms whose fields are not shaped like the body (`links.portal` → `portal`).
   */
  fieldOf?: (path: string) => string;
}

/** The form field a message's path belongs to: the longest leading part of it that names a field (`types.0` → `types`, `items.0.name` stays). */
export function formFieldOf(values: Values, path: string): string | undefined {
  let found: string | undefined;
  let v: unknown = values;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    if (v === null || typeof v !== 'object' || !(part in v)) break;
    const next = (v as Values)[part];
    // An item of a list of plain values (a multi-select's) is not a field of its own.
    if (Array.isArray(v) && (next === null || typeof next !== 'object')) break;
    v = next;
    found = parts.slice(0, i + 1).join('.');
  }
  return found;
}

/** A failed request's problem+json field errors, keyed by form field (the first message of each); `rest` counts those on no field. */
export function serverFieldErrors(e: ApiError, values: Values, fieldOf: (path: string) => string = (p) => p): { fields: FormErrors; rest: number } {
  const fields: FormErrors = {};
  let rest = 0;
  for (const err of e.problem.errors ?? []) {
    const field = formFieldOf(values, fieldOf(err.path.replace(/^(body|query|querystring|params)\.?/, '')));
    if (!field) rest++;
    else if (!(field in fields)) fields[field] = err.message;
  }
  return { fields, rest };
}

/**
 * A form bound to a zod schema (a shared request schema, or a form schema that transforms into
 * one): the schema's messages show on their fields, the submit handler receives the schema's
 * parsed output — the typed body that is sent — and a failed request's problem+json field errors
 * land on their fields, anything else above the form (`form.formError`).
 */
export function useSchemaForm<S extends z.ZodType, V extends Values>(schema: S, initialValues: V, { labels = {}, validate, fieldOf = (p) => p }: Options<V> = {}) {
  const [formError, setFormError] = useState<string | null>(null);
  // The schema's messages on their fields, in the reader's language (the first message of each).
  const resolve = (values: V): FormErrors => {
    const result = schema.safeParse(values);
    const out: FormErrors = {};
    if (!result.success) for (const issue of result.error.issues) out[issue.path.join('.')] ??= issueText(issue);
    return out;
  };
  const label = (field: string) => (labels as Record<string, string | undefined>)[field.split('.')[0] ?? field];

  /** `asIs`: the fields whose message is the form's own (from `validate`), written for the value as it is. */
  const phrase = (errors: FormErrors, values: V, asIs: string[] = []): FormErrors => {
    const out: FormErrors = {};
    for (const [key, message] of Object.entries(errors)) {
      const path = key && (formFieldOf(values, fieldOf(key)) ?? key);
      if (!message || !path || path in out) continue;
      const value = values[path];
      // "must be a valid e-mail address" reads oddly for a field left empty.
      const text = !asIs.includes(key) && typeof value === 'string' && value.trim() === '' && typeof message === 'string' ? i18n.t('validation:required') : message;
      out[path] = typeof text === 'string' ? fieldMessage(label(path), text) : text;
    }
    return out;
  };

  const form = useForm<V, z.output<S>>({
    initialValues,
    validate: (values) => {
      const own = Object.fromEntries(Object.entries(validate?.(values) ?? {}).filter(([, m]) => m));
      return phrase({ ...resolve(values), ...own }, values, Object.keys(own));
    },
    transformValues: (values) => schema.parse(values),
  });

  /** Puts a failed request's field errors on their fields and anything else above the form. */
  const applyError = (e: unknown) => {
    if (e instanceof ApiError) {
      const { fields, rest } = serverFieldErrors(e, form.getValues(), fieldOf);
      if (Object.keys(fields).length) {
        form.setErrors(phrase(fields, form.getValues()));
        setFormError(rest ? e.message : null);
        return;
      }
    }
    setFormError(errorMessage(e));
  };

  /** The form's onSubmit: validates, then hands the parsed body to `handler`; what it throws is shown. */
  const submit = (handler: (parsed: z.output<S>, values: V) => unknown) => (event?: FormEvent<HTMLFormElement>) => {
    setFormError(null);
    form.onSubmit(async (parsed, _event) => {
      try {
        await handler(parsed, form.getValues());
      } catch (e) {
        applyError(e);
      }
    })(event);
  };

  /** Starts over from `next` (or the first values): it is what "dirty" compares with from now on. */
  const reset = (next: V = initialValues) => {
    form.setInitialValues(next);
    form.setValues(next);
    form.clearErrors();
    form.resetDirty(next);
    setFormError(null);
  };

  return Object.assign(form as unknown as MantineForm<V, z.output<S>>, { formError, setFormError, applyError, submit, reset: reset as (next?: V) => void }) as SchemaForm<
    V,
    z.output<S>
  >;
}

type MantineForm<V extends Values, Out> = ReturnType<typeof useForm<V, Out>>;

export type SchemaForm<V extends Values, Out> = Omit<MantineForm<V, Out>, 'reset'> & {
  formError: string | null;
  setFormError: (message: string | null) => void;
  applyError: (e: unknown) => void;
  submit: (handler: (parsed: Out, values: V) => unknown) => (event?: FormEvent<HTMLFormElement>) => void;
  reset: (next?: V) => void;
};

/** The form-level message (a conflict, a refusal, no connection), above the fields. */
export function FormError({ form }: { form: { formError: string | null } }) {
  if (!form.formError) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {form.formError}
    </Alert>
  );
}

import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api.js';

type Values = Record<string, unknown>;
type Errors<T> = Partial<Record<keyof T & string, string>>;

/**
 * The API and the shared zod schemas phrase field messages as predicates ("is required",
 * "must be at least 12 characters"); shown under a field they read best after its label.
 */
export function fieldMessage(label: string | undefined, message: string): string {
  if (!label || !/^[a-z]/.test(message)) return message;
  return `${label} ${message}`;
}

interface Options<T extends Values> {
  initialValues: T;
  /** The shared zod schema of the request body: the same rules the server applies. */
  schema?: z.ZodType;
  /** Extra checks the schema cannot express (e.g. two passwords match). */
  validate?: (values: T) => Errors<T>;
  /** Labels used to phrase messages ("Password must be at least…"). */
  labels?: Partial<Record<keyof T & string, string>>;
}

/** A small form state hook: values, per-field errors, one form-level error, server errors mapped onto fields. */
export function useForm<T extends Values>({ initialValues, schema, validate, labels = {} }: Options<T>) {
  const [values, setValues] = useState<T>(initialValues);
  const [errors, setErrorsState] = useState<Errors<T>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const initial = useRef(initialValues);

  const label = (field: string) => (labels as Record<string, string | undefined>)[field];

  const setErrors = (next: Errors<T>) => {
    const phrased: Errors<T> = {};
    for (const [k, v] of Object.entries(next) as [keyof T & string, string | undefined][]) {
      if (v) phrased[k] = fieldMessage(label(k), v);
    }
    setErrorsState(phrased);
  };

  const setFieldValue = useCallback(<K extends keyof T & string>(field: K, value: T[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrorsState((e) => (e[field] ? { ...e, [field]: undefined } : e));
  }, []);

  /** Validates; returns the parsed body (schema output) or null when a field is wrong. */
  const check = (): unknown => {
    const found: Errors<T> = {};
    let parsed: unknown = values;
    if (schema) {
      const result = schema.safeParse(values);
      if (result.success) parsed = result.data;
      else {
        for (const issue of result.error.issues) {
          const key = String(issue.path[0] ?? '') as keyof T & string;
          // "must be a valid e-mail address" reads oddly for a field left empty.
          const empty = typeof values[key] === 'string' && (values[key] as string).trim() === '';
          if (key && !found[key]) found[key] = empty ? 'is required' : issue.message;
        }
      }
    }
    Object.assign(found, Object.fromEntries(Object.entries(validate?.(values) ?? {}).filter(([, v]) => v)));
    setErrors(found);
    return Object.keys(found).length ? null : parsed;
  };

  /** Puts a failed request's field errors on their fields and anything else above the form. */
  const applyError = (e: unknown) => {
    if (e instanceof ApiError) {
      const fields = e.fieldErrors;
      const mine = Object.fromEntries(Object.entries(fields).filter(([k]) => k in values)) as Errors<T>;
      if (Object.keys(mine).length) {
        setErrors(mine);
        setFormError(Object.keys(mine).length < Object.keys(fields).length ? e.message : null);
        return;
      }
    }
    setFormError(errorMessage(e));
  };

  const onSubmit = (handler: (parsed: unknown, values: T) => unknown | Promise<unknown>) => (event?: FormEvent) => {
    event?.preventDefault();
    setFormError(null);
    const parsed = check();
    if (parsed === null) return;
    void (async () => {
      try {
        await handler(parsed, values);
      } catch (e) {
        applyError(e);
      }
    })();
  };

  const getInputProps = <K extends keyof T & string>(field: K) => ({
    value: values[field] as never,
    error: errors[field],
    onChange: (eventOrValue: unknown) => {
      const v =
        eventOrValue && typeof eventOrValue === 'object' && 'currentTarget' in eventOrValue
          ? (eventOrValue as { currentTarget: HTMLInputElement }).currentTarget.value
          : eventOrValue;
      setFieldValue(field, v as T[K]);
    },
  });

  const reset = (next: T = initial.current) => {
    initial.current = next;
    setValues(next);
    setErrorsState({});
    setFormError(null);
  };

  const isDirty = JSON.stringify(values) !== JSON.stringify(initial.current);

  return { values, errors, formError, setFormError, setErrors, setFieldValue, getInputProps, onSubmit, applyError, reset, isDirty };
}

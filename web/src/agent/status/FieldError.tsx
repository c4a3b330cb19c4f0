import { fieldError } from './statusFormat.ts';

/** The API's message for one field, shown under it (the control points at it with aria-describedby). */
export function FieldError({ error, field, id }: { error: unknown; field: string; id: string }) {
  const message = fieldError(error, field);
  return message ? (
    <span class="field-error" id={id} role="alert">
      {message}
    </span>
  ) : null;
}

/** `aria-describedby` for a control whose field may carry an error. */
export const describedBy = (error: unknown, field: string, id: string) => (fieldError(error, field) ? id : undefined);

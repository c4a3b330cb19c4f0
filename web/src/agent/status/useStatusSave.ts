import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { statusKey } from '../api/status.ts';

/**
 * A status form's submit: runs `save`, then refreshes every status query and calls `onDone`. The form shows `saving`
 * on its button and `error` (the API's field errors under their fields); a new submit clears the last error.
 */
export function useStatusSave(save: () => Promise<unknown>, onDone: () => void) {
  const queries = useQueryClient();
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: statusKey });
      onDone();
    },
  });
  const submit = (event: Event) => {
    event.preventDefault();
    mutation.mutate();
  };
  return { submit, saving: mutation.isPending, error: mutation.error as unknown };
}

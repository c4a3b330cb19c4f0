import { useQueryClient } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { createCategory, kbKey, reorderCategories } from '../api/kb.ts';
import { useApi } from '../session/session.tsx';

/** The categories in the order the site's home page shows them: add one, move them, save the order. */
export function CategoryManager({ categories }: { categories: string[] }) {
  const api = useApi();
  const queries = useQueryClient();
  const [order, setOrder] = useState(categories);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const known = categories.join('\n');
  useEffect(() => setOrder(categories), [known]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    setSaved(false);
    try {
      await action();
      await queries.invalidateQueries({ queryKey: kbKey });
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };
  const move = (index: number, by: number) => {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setOrder(next);
  };
  const changed = order.join('\n') !== known;
  return (
    <section class="kb-box" aria-label="Categories">
      <h2>Categories</h2>
      {order.length === 0 && <p class="empty">No categories yet.</p>}
      <ol class="kb-category-order">
        {order.map((category, index) => (
          <li key={category}>
            <span>{category}</span>
            <button type="button" class="small" aria-label={`Move ${category} up`} disabled={index === 0} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button type="button" class="small" aria-label={`Move ${category} down`} disabled={index === order.length - 1} onClick={() => move(index, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      {changed && (
        <button type="button" onClick={() => void run(() => reorderCategories(api, order)).then((done) => setSaved(done))}>
          Save order
        </button>
      )}
      {saved && <p role="status">Order saved; the site shows it once published.</p>}
      <form
        class="kb-row"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => createCategory(api, name)).then((done) => done && setName(''));
        }}
      >
        <label>
          New category <input value={name} maxLength={60} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!name.trim()}>
          Add category
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}

import type { DiffLine } from '../api/kb.ts';

const marks: Record<string, string> = { added: '+', removed: '−', same: ' ' };
const words: Record<string, string> = { added: 'Added', removed: 'Removed', same: 'Unchanged' };

/** A line diff of an article body; each line says in words whether it was added or removed (not by colour alone). */
export function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <ol class="kb-diff">
      {lines.map((line, index) => (
        <li key={index} class={`kb-diff-${line.kind}`}>
          <span class="kb-diff-mark" aria-label={words[line.kind] ?? line.kind}>
            {marks[line.kind] ?? '?'}
          </span>
          <span>{line.text || '\u00a0'}</span>
        </li>
      ))}
    </ol>
  );
}

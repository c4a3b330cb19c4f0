import type { StaleSave } from '../api/kb.ts';
import { DiffLines } from './DiffLines.tsx';

/**
 * A save refused because a teammate saved first: who, which fields, the body lines they changed. The agent chooses
 * to save their own text over it (knowingly) or to load the teammate's and discard their own.
 */
export function StaleSaveNotice({ stale, onKeepMine, onTakeTheirs }: { stale: StaleSave; onKeepMine: () => void; onTakeTheirs: () => void }) {
  return (
    <div class="kb-stale" role="alert">
      <p>
        <strong>Someone else saved this article while you were editing. Nothing was saved.</strong>
      </p>
      <p>{stale.detail}</p>
      {stale.changedFields.length > 0 && <p>They changed: {stale.changedFields.join(', ')}.</p>}
      {stale.changes.length > 0 && (
        <>
          <p>Their changes to the body:</p>
          <DiffLines lines={stale.changes} />
        </>
      )}
      <div class="kb-actions">
        <button type="button" onClick={onKeepMine}>
          Save mine over version {stale.currentVersion}
        </button>
        <button type="button" class="secondary" onClick={onTakeTheirs}>
          Discard mine and load theirs
        </button>
      </div>
    </div>
  );
}

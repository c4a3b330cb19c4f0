import { useEffect, useRef, useState } from 'preact/hooks';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const isControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && (isTyping(target) || ['A', 'BUTTON'].includes(target.tagName));

/**
 * j and k move the selection down and up a list of `count` rows; Enter opens the selected row
 * (a focused link or button keeps its own Enter). Keys typed into a form field are left alone.
 */
export function useListKeyboard(count: number, open: (index: number) => void) {
  const [selected, setSelected] = useState(-1);
  // One listener for the page's life, reading the list as last rendered: effects run after paint, so a
  // listener re-added per render would meet a key pressed just after the list changed with the old list.
  const latest = useRef({ count, open, selected });
  latest.current = { count, open, selected };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const { count, open, selected } = latest.current;
      if (event.key === 'j' || event.key === 'k') {
        const step = event.key === 'j' ? 1 : -1;
        setSelected((current) => Math.min(Math.max(current + step, 0), count - 1));
        event.preventDefault();
      } else if (event.key === 'Enter' && selected >= 0 && selected < count && !isControl(event.target)) {
        open(selected);
        event.preventDefault();
      }
    };
    addEventListener('keydown', onKeyDown);
    return () => removeEventListener('keydown', onKeyDown);
  }, []);

  return [selected, setSelected] as const;
}

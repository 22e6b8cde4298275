import { useEffect, useRef, useState } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
  disabled?: boolean;
}

/** A small menu at a screen point, kept inside the window; arrow keys move, Enter runs, Escape or outside click closes. */
export function FloatingMenu(props: {
  x: number;
  y: number;
  title?: string;
  items: MenuItem[];
  onClose: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [pos, setPos] = useState({ left: props.x, top: props.y });
  useEffect(() => {
    const el = ref.current!;
    el.focus();
    const r = el.getBoundingClientRect();
    setPos({
      left: Math.max(4, Math.min(props.x, window.innerWidth - r.width - 4)),
      top: Math.max(4, Math.min(props.y, window.innerHeight - r.height - 4)),
    });
    const outside = (e: MouseEvent) => !el.contains(e.target as Node) && props.onClose();
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
    // Position once per opening point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.x, props.y]);
  const items = props.items.filter((i) => !i.disabled);
  return (
    <div
      ref={ref}
      className="floating-menu"
      role="menu"
      tabIndex={-1}
      style={pos}
      data-testid={props.testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
        else if (e.key === 'ArrowDown') setActive((a) => (a + 1) % items.length);
        else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + items.length) % items.length);
        else if (e.key === 'Enter') items[active]?.run();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {props.title && <div className="menu-title">{props.title}</div>}
      {items.map((item, i) => (
        <button
          key={item.id}
          role="menuitem"
          className={i === active ? 'active' : ''}
          onMouseEnter={() => setActive(i)}
          onClick={item.run}
        >
          <span>{item.label}</span>
          {item.hint && <kbd>{item.hint}</kbd>}
        </button>
      ))}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A disclosure (button + panel), like the user menu: Escape or a click outside closes it and
 * focus returns to the button.
 */
export function Popover({
  label,
  className,
  buttonClassName = 'button button--secondary button--sm',
  children,
}: {
  label: ReactNode;
  className?: string;
  buttonClassName?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    function handlePointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [isOpen]);

  function close() {
    setIsOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div className={['popover', className ?? ''].filter(Boolean).join(' ')} ref={rootRef}>
      <button ref={buttonRef} type="button" className={buttonClassName} aria-expanded={isOpen} aria-controls={panelId} onClick={() => setIsOpen((open) => !open)}>
        <span>{label}</span>
        <svg className="popover__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      <div className="popover__panel" id={panelId} hidden={!isOpen}>
        {isOpen ? children(close) : null}
      </div>
    </div>
  );
}

import type { ReactNode, Ref } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

const ICONS: Record<AlertTone, string> = {
  info: 'M12 8h.01M11 12h1v5h1',
  success: 'M8 12.5l2.5 2.5L16 9.5',
  warning: 'M12 8v5M12 16.5h.01',
  danger: 'M9 9l6 6M15 9l-6 6',
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** `alert` interrupts (errors just raised); `status` is announced politely; none for static notices. */
  live?: 'alert' | 'status' | 'none';
  ref?: Ref<HTMLDivElement>;
  className?: string;
  id?: string;
}

export function Alert({ tone = 'info', title, children, live = 'none', ref, className, id }: AlertProps) {
  return (
    <div
      ref={ref}
      id={id}
      className={['alert', `alert--${tone}`, className ?? ''].filter(Boolean).join(' ')}
      role={live === 'none' ? undefined : live}
      tabIndex={-1}
    >
      <svg className="alert__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" />
        <path d={ICONS[tone]} />
      </svg>
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children ? <div className="alert__text">{children}</div> : null}
      </div>
    </div>
  );
}

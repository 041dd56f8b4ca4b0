import type { AccountStatus } from '@reachbridge/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const TONES: Record<AccountStatus, 'success' | 'warning' | 'danger'> = {
  active: 'success',
  pending_review: 'warning',
  suspended: 'danger',
};

export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${TONES[status]}`}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`statuses.${status}`)}
    </span>
  );
}

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'brand' }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

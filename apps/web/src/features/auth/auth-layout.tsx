import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header';

/** The narrow, centred card shared by sign up and log in. */
export function AuthLayout({ title, lead, children, footer }: { title: string; lead: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className="auth-layout">
      <div className="card auth-card">
        <PageHeader title={title} lead={lead} />
        {children}
      </div>
      <p className="auth-layout__footer">{footer}</p>
    </div>
  );
}

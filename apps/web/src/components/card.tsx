import type { ComponentPropsWithoutRef, ReactNode } from 'react';

export interface CardProps extends ComponentPropsWithoutRef<'section'> {
  heading?: ReactNode;
  /** Heading level inside the page outline. */
  headingLevel?: 2 | 3;
  actions?: ReactNode;
}

export function Card({ heading, headingLevel = 2, actions, className, children, ...rest }: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section {...rest} className={['card', className ?? ''].filter(Boolean).join(' ')}>
      {heading || actions ? (
        <div className="card__header">
          {heading ? <Heading className="card__title">{heading}</Heading> : null}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}

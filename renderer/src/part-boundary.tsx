import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useLanguage } from './i18n/language-provider';

type Props = {
  /** What failed, for the console: "the Orders screen", "the order detail". */
  part: string;
  children: ReactNode;
  /** Another value (another order) draws the part afresh. */
  resetKey?: string | null;
  /** A way out besides drawing it again, such as back to the list. */
  onLeave?(): void;
};

/**
 * Keeps one broken component from blanking the window: the part that threw is replaced by a sentence in the
 * shopkeeper's language and a way to go on, and the error goes to the console.
 */
export function PartBoundary({ part, children, resetKey = null, onLeave }: Props) {
  const { t } = useLanguage();
  return (
    <Boundary
      part={part}
      resetKey={resetKey}
      fallback={(retry) => (
        <div className="card broken-part" role="alert">
          <p>{t.brokenPart}</p>
          <div className="alert-actions">
            <button type="button" className="secondary" onClick={retry}>
              {t.showAgain}
            </button>
            {onLeave && (
              <button type="button" className="secondary" onClick={onLeave}>
                {t.backToList}
              </button>
            )}
          </div>
        </div>
      )}
    >
      {children}
    </Boundary>
  );
}

type BoundaryProps = {
  part: string;
  resetKey: string | null;
  fallback(retry: () => void): ReactNode;
  children: ReactNode;
};

type BoundaryState = { failed: boolean; attempt: number };

// React catches a render error only in a class component.
class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`PayDesk could not draw ${this.props.part}:`, error, info.componentStack);
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.retry();
  }

  /** Drawn again from scratch: the part's state and effects start anew. */
  private retry = () => this.setState(({ attempt }) => ({ failed: false, attempt: attempt + 1 }));

  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback(this.retry);
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}

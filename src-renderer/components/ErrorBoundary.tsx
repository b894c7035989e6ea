/**
 * Keeps one region's failure in that region: the rest of the window goes on working, and the person
 * reads a sentence about what broke instead of a blank window.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  region: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.region} region failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="region-error" role="alert">
        <p>
          The {this.props.region} could not be shown: {error.message || 'an unexpected error'}.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

import { Component, type ReactNode } from 'react';
import i18n from '../i18n';

/**
 * Catches a render error of one view, so a bug in it leaves the navigation, the other views and the workspace as
 * they are: the view's place says what failed (the error's message) with a button that draws it again. `viewKey`
 * changing (another view chosen) clears the error. React error boundaries must be classes (react.dev, "Catching
 * rendering errors with an error boundary").
 */
export class ViewErrorBoundary extends Component<
  { viewKey: string; children: ReactNode },
  { error: Error | null; key: string }
> {
  override state = { error: null as Error | null, key: this.props.viewKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { viewKey: string }, state: { key: string }) {
    return props.viewKey !== state.key ? { error: null, key: props.viewKey } : null;
  }

  override componentDidCatch(error: Error): void {
    console.error(`wellspring: the view ${this.props.viewKey} failed:`, error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="empty-view" role="alert" data-testid="view-error">
        <div className="empty-card">
          <h2>{i18n.t('common:errors.viewFailed')}</h2>
          <p className="error-text">{error.message}</p>
          <button className="primary" onClick={() => this.setState({ error: null })}>
            {i18n.t('common:errors.redrawView')}
          </button>
        </div>
      </div>
    );
  }
}

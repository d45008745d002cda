import { lazy, type ComponentType } from 'react';

export interface PreloadablePage {
  /** Renders the page: directly once its code is loaded, through React.lazy before that. */
  readonly Page: ComponentType;
  /** Starts (or joins) loading the page's code. */
  preload(): Promise<unknown>;
}

/**
 * A lazily loaded page that can be rendered without suspending when its code was preloaded.
 * React.lazy suspends on first render even if the chunk is already in memory, and React 19 holds
 * back revealing suspended content for ~300 ms — paid on every opened link. Start-up preloads
 * the current route's page in parallel with backend detection, so that first render is direct.
 */
export function preloadablePage<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
): PreloadablePage {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  const preload = () => {
    pending ??= load().then((module) => (loaded = pick(module)));
    return pending;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page() {
    const Component = loaded ?? Lazy;
    return <Component />;
  }
  return { Page, preload };
}

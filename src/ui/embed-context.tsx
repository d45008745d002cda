import { createContext, useContext, type ReactNode } from 'react';
import { NOT_EMBEDDED, type EmbedState } from './embed-params';

/**
 * The embedded mode, read once by the app shell from the URL it started with and provided here,
 * so the pages that honour it (search, trace) do not parse the URL or import the shell.
 */
const EmbedContext = createContext<EmbedState>(NOT_EMBEDDED);

export function EmbedProvider({
  state,
  children,
}: {
  readonly state: EmbedState;
  readonly children: ReactNode;
}) {
  return <EmbedContext.Provider value={state}>{children}</EmbedContext.Provider>;
}

export function useEmbed(): EmbedState {
  return useContext(EmbedContext);
}

/**
 * Renders a component as the app does: Mantine with the app's theme, the UI texts (French unless a test
 * changes the language), a fresh query client and an in-memory router.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type RenderResult, render } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { ReactElement, ReactNode } from "react";
import { type Location, MemoryRouter, type NavigationType, Route, Routes, useLocation, useNavigationType } from "react-router";
import { UiProviders } from "../app/providers.tsx";

export interface RenderOptions {
  /** The address the router starts at, e.g. "/programmes/1?tab=pairs". */
  route?: string;
  /** A route pattern for `route`, so that `useParams` works, e.g. "/programmes/:id". */
  path?: string;
  queryClient?: QueryClient;
  /** Options of user-event, e.g. `{ advanceTimers: vi.advanceTimersByTime }` with fake timers. */
  user?: Parameters<typeof userEvent.setup>[0];
}

export interface Rendered extends RenderResult {
  user: UserEvent;
  queryClient: QueryClient;
  /** Where the router is now, and whether it got there by push or replace. */
  location: () => Location;
  navigationType: () => NavigationType;
}

/** A client that does not retry: a test's failing request fails at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): Rendered {
  const queryClient = options.queryClient ?? testQueryClient();
  const route = options.route ?? "/";
  const seen: { location?: Location; type?: NavigationType } = {};
  function Probe({ children }: { children: ReactNode }) {
    seen.location = useLocation();
    seen.type = useNavigationType();
    return children;
  }
  const result = render(ui, {
    wrapper: ({ children }) => (
      <QueryClientProvider client={queryClient}>
        <UiProviders env="test">
          <MemoryRouter initialEntries={[route]}>
            <Routes>
              <Route path={options.path ?? "*"} element={<Probe>{children}</Probe>} />
            </Routes>
          </MemoryRouter>
        </UiProviders>
      </QueryClientProvider>
    ),
  });
  return {
    ...result,
    user: userEvent.setup(options.user),
    queryClient,
    location: () => seen.location as Location,
    navigationType: () => seen.type as NavigationType,
  };
}

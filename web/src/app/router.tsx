import { lazy } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import { AppGate, FullPageLoader } from './AppGate';
import { APPS, type AppKey } from './catalogue';
import { LauncherPage } from './launcher/LauncherPage';
import { NotFoundPage } from './NotFoundPage';
import { PasswordChangeGate } from '../modules/identity/PasswordChangeGate';
import { RouteError } from './RouteError';
import { PortalLayout } from './shells/PortalLayout';

// Each app is its own chunk, fetched the first time it is opened: a citizen on Segalengko never
// downloads SIMPEG's tables or SATE's dashboards.
const APP_CHUNKS: Record<AppKey, ReturnType<typeof lazy>> = {
  segalengko: lazy(() => import('./apps/segalengko')),
  dolan: lazy(() => import('./apps/dolan')),
  eoffice: lazy(() => import('./apps/eoffice')),
  simpeg: lazy(() => import('./apps/simpeg')),
  satudata: lazy(() => import('./apps/satudata')),
  sate: lazy(() => import('./apps/sate')),
  smartcity: lazy(() => import('./apps/smartcity')),
};

function Root() {
  return (
    <>
      <ScrollRestoration />
      <PasswordChangeGate />
      <Outlet />
    </>
  );
}

/** The route table: portal pages, then one lazily loaded route tree per app. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <FullPageLoader />,
      children: [
        {
          element: <PortalLayout />,
          children: [
            { index: true, element: <LauncherPage /> },
            { path: 'pengguna', lazy: async () => ({ Component: (await import('../modules/identity/UsersPage')).UsersPage }) },
            { path: 'ganti-sandi', lazy: async () => ({ Component: (await import('../modules/identity/ChangePasswordPage')).ChangePasswordPage }) },
          ],
        },
        {
          element: <PortalLayout showSignIn={false} />,
          children: [
            { path: 'masuk', lazy: async () => ({ Component: (await import('../modules/identity/SignInPage')).SignInPage }) },
            { path: 'daftar', lazy: async () => ({ Component: (await import('../modules/identity/RegisterPage')).RegisterPage }) },
            { path: 'lupa-sandi', lazy: async () => ({ Component: (await import('../modules/identity/ForgotPasswordPage')).ForgotPasswordPage }) },
            { path: 'atur-ulang-sandi', lazy: async () => ({ Component: (await import('../modules/identity/ResetPasswordPage')).ResetPasswordPage }) },
          ],
        },
        ...APPS.map((app) => ({ path: `${app.key}/*`, element: <AppGate app={app} component={APP_CHUNKS[app.key]} /> })),
        { element: <PortalLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
      ],
    },
  ]);
}

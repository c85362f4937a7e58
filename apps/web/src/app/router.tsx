// Every address of the web app. Signed-out screens stand alone; everything else sits behind the
// auth guard inside the app frame, and project pages inside the project layout.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { CenteredLoader } from '../components/ui/centered-loader.tsx';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { AppLayout } from './layouts/app-layout.tsx';
import { ProjectLayout } from './layouts/project-layout.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { CodingPage } from './pages/coding-page.tsx';
import { DatasetPage } from './pages/dataset-page.tsx';
import { ErrorPage } from './pages/error-page.tsx';
import { ExportPage } from './pages/export-page.tsx';
import { ImportPage } from './pages/import-page.tsx';
import { IssuesPage } from './pages/issues-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MembersPage } from './pages/members-page.tsx';
import { NotFoundMessage, NotFoundPage } from './pages/not-found-page.tsx';
import { ProjectHomePage } from './pages/project-home-page.tsx';
import { ProjectsPage } from './pages/projects-page.tsx';
import { RoundsPage } from './pages/rounds-page.tsx';
import { SetupPage } from './pages/setup-page.tsx';

// The agreement page brings the chart library; loading it on first visit keeps it out of the
// bundle every other page waits for.
const AgreementPage = lazy(() => import('./pages/agreement-page.tsx').then((module) => ({ default: module.AgreementPage })));

// The analysis page brings the chart library too.
const AnalysisPage = lazy(() => import('./pages/analysis-page.tsx').then((module) => ({ default: module.AnalysisPage })));

// The coding screen brings the markdown renderer with its HTML parser and highlighter: only
// coders at work need them.
const CodingScreenPage = lazy(() => import('./pages/coding-screen-page.tsx').then((module) => ({ default: module.CodingScreenPage })));

// The codebook editor brings drag and drop; only people editing or reading codebooks need it.
const CodebookPage = lazy(() => import('./pages/codebook-page.tsx').then((module) => ({ default: module.CodebookPage })));

// The review screens bring the markdown renderer, like the coding screen.
const ReviewPage = lazy(() => import('./pages/review-page.tsx').then((module) => ({ default: module.ReviewPage })));
const ReviewIssuePage = lazy(() => import('./pages/review-issue-page.tsx').then((module) => ({ default: module.ReviewIssuePage })));

export const routes: RouteObject[] = [
  {
    errorElement: <ErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to="/projects" replace /> },
          { path: 'projects', element: <ProjectsPage /> },
          {
            path: 'projects/:projectId',
            element: <ProjectLayout />,
            children: [
              { index: true, element: <ProjectHomePage /> },
              { path: 'issues', element: <IssuesPage /> },
              { path: 'import', element: <ImportPage /> },
              { path: 'members', element: <MembersPage /> },
              {
                path: 'codebook',
                element: (
                  <Suspense fallback={<CenteredLoader label="Loading the codebook page" />}>
                    <CodebookPage />
                  </Suspense>
                ),
              },
              { path: 'rounds', element: <RoundsPage /> },
              {
                path: 'agreement',
                element: (
                  <Suspense fallback={<CenteredLoader label="Loading the agreement page" />}>
                    <AgreementPage />
                  </Suspense>
                ),
              },
              {
                path: 'analysis',
                element: (
                  <Suspense fallback={<CenteredLoader label="Loading the analysis page" />}>
                    <AnalysisPage />
                  </Suspense>
                ),
              },
              { path: 'coding', element: <CodingPage /> },
              { path: 'export', element: <ExportPage /> },
              {
                path: 'coding/:assignmentId',
                element: (
                  <Suspense fallback={<CenteredLoader label="Loading the coding screen" />}>
                    <CodingScreenPage />
                  </Suspense>
                ),
              },
              {
                path: 'review',
                element: (
                  <Suspense fallback={<CenteredLoader label="Loading the review page" />}>
                    <ReviewPage />
                  </Suspense>
                ),
              },
              {
                path: 'review/:stageId/:issueId',
                element: (
                  <Suspense fallback={<CenteredLoader label="Loading the review screen" />}>
                    <ReviewIssuePage />
                  </Suspense>
                ),
              },
              { path: 'dataset', element: <DatasetPage /> },
              { path: '*', element: <NotFoundMessage /> },
            ],
          },
          { path: 'account', element: <AccountPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);

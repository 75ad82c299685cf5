import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import './app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { AppError, ErrorBoundary } from './components/ErrorBoundary.tsx'
import { Providers } from './Providers.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <Providers>
      {/* The last net: each page has its own boundary inside the layout; this one catches the rest (the login
          page, the layout itself), so that nothing leaves a white screen. */}
      <ErrorBoundary fallback={(error) => <AppError error={error} />}>
        <App />
      </ErrorBoundary>
    </Providers>
  </StrictMode>,
)

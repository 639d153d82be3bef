import { useState } from 'preact/hooks';
import { session } from './api/client.js';
import { EventsPage } from './pages/events-page.js';
import { ImagePage } from './pages/image-page.js';
import { ImagesPage } from './pages/images-page.js';
import { LoginPage } from './pages/login-page.js';
import { PoliciesPage } from './pages/policies-page.js';
import { href, useRoute } from './route.js';

/** The shell: log in with an API key, then the pages by route. */
export function App() {
  const [key, setKey] = useState(session.key());
  const route = useRoute();
  if (!key) return <LoginPage onLogin={(k) => (session.set(k), setKey(k))} />;
  const [page, id] = route;
  const logout = () => {
    session.clear();
    setKey(undefined);
  };
  return (
    <>
      <header class="top">
        <a class="brand" href={href()}>
          Customs
        </a>
        <nav aria-label="Main">
          <a href={href()} aria-current={page === undefined || page === 'images' ? 'page' : undefined}>
            Images
          </a>
          <a href={href('policies')} aria-current={page === 'policies' ? 'page' : undefined}>
            Policies
          </a>
          <a href={href('events')} aria-current={page === 'events' ? 'page' : undefined}>
            Events
          </a>
        </nav>
        <button type="button" class="link" onClick={logout}>
          Log out
        </button>
      </header>
      <main>
        {page === 'images' && id ? (
          <ImagePage digest={id} tab={route[2]} />
        ) : page === 'policies' ? (
          <PoliciesPage selected={id} />
        ) : page === 'events' ? (
          <EventsPage />
        ) : (
          <ImagesPage />
        )}
      </main>
    </>
  );
}

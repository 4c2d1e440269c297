// Loads the portal's code only when a patient signs in, so the first page
// (sign-in, and the clinic's screens) does not carry it.
import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from '../components/common';
import type { PortalShell as Shell } from './Portal';

type Props = ComponentProps<typeof Shell>;

export function LazyPortal(props: Props) {
  const [Portal, setPortal] = useState<FunctionComponent<Props> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./Portal').then((m) => setPortal(() => m.PortalShell)).catch(() => setFailed(true));
  }, []);
  if (failed) return <p role="alert">The portal could not be loaded. Check the connection and reload the page.</p>;
  if (!Portal) return <Loading what="your portal" />;
  return <Portal {...props} />;
}

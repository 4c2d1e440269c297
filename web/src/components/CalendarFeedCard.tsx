// A therapist's private calendar feed (GET/POST/DELETE
// /api/v1/therapists/{id}/calendar-feed): make a link a calendar application
// subscribes to, copy it, make a new one (the old stops working) or turn it
// off after a confirmation. The link is shown only when it is made: the
// server keeps only a fingerprint of its secret. The page reads the feed
// (`initial`) with its other cards, so they are drawn together.
import { useEffect, useRef, useState } from 'preact/hooks';
import { post, request, type CalendarFeed, type Therapist } from '../api';
import { ErrorBox } from './common';

function whenMade(iso: string | null | undefined) {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

export function CalendarFeedCard(props: { therapist: Therapist; initial: CalendarFeed; own: boolean }) {
  const t = props.therapist;
  const base = `/api/v1/therapists/${t.id}/calendar-feed`;
  const [feed, setFeed] = useState<CalendarFeed>(props.initial);
  const [link, setLink] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const linkBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (link) linkBox.current?.focus();
  }, [link]);

  const whose = props.own ? 'your' : `${t.display_name}'s`;
  const make = async () => {
    setError(null);
    try {
      const made = await post<CalendarFeed>(base, {});
      setFeed(made);
      setLink(made.link ? new URL(made.link, window.location.origin).href : '');
      setStatus(feed.active ? 'A new link is made. The old link no longer works.' : 'The calendar feed is on.');
    } catch (err) {
      setError(err);
    }
  };
  const turnOff = async () => {
    setError(null);
    try {
      const off = (await request<CalendarFeed>('DELETE', base)).data;
      setFeed(off);
      setLink('');
      setConfirming(false);
      setStatus('The calendar feed is off. Calendars that used it stop getting appointments.');
    } catch (err) {
      setError(err);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied.');
    } catch {
      linkBox.current?.select();
      setStatus('Select the link and copy it.');
    }
  };

  return (
    <section class="card" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar feed</h2>
      <p>
        See {whose} appointments in a calendar app (phone, Outlook, Google Calendar) by subscribing to a
        private link. It shows times and patients' names only, never notes or treatment. Anyone who has the
        link can see the appointments, so keep it private.
      </p>
      <p role="status" class="status-line">{status}</p>
      {feed.active ? (
        <p>The calendar feed is on (link made on {whenMade(feed.created_at)}).</p>
      ) : (
        <p>The calendar feed is off.</p>
      )}
      {link && (
        <div class="field">
          <label for="feed-link">Your private calendar link (shown only now)</label>
          <input id="feed-link" ref={linkBox} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <div class="actions">
            <button type="button" onClick={copy}>Copy link</button>
          </div>
        </div>
      )}
      <ErrorBox error={error} />
      {confirming ? (
        <div class="card cancel-confirm" role="group" aria-labelledby="feed-off-title">
          <h3 id="feed-off-title">Turn off the calendar feed?</h3>
          <p>Calendars subscribed to the link stop getting appointments. You can make a new link later.</p>
          <div class="actions">
            <button type="button" class="danger" onClick={turnOff}>Turn off the feed</button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>Keep it on</button>
          </div>
        </div>
      ) : (
        <div class="actions">
          {feed.active ? (
            <>
              <button type="button" onClick={make}>Make a new link</button>
              <button type="button" class="secondary" onClick={() => setConfirming(true)}>Turn off</button>
            </>
          ) : (
            <button type="button" onClick={make}>Create calendar link</button>
          )}
        </div>
      )}
    </section>
  );
}

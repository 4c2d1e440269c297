// Progress on the chart and in the portal: responder status, pain before and
// after each session with how long the relief lasted, and Oswestry / SBI over
// time. Every chart is a figure with a text summary and a data table holding
// the same values; the uPlot drawing is loaded on demand (charts/plot.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChartAnswer, ChartSession, MeasureChange, SessionRelief } from '../api';
import { shortDate } from './common';
import { toSeconds, type PlotSpec } from './plotSpec';

const COLORS = { leg: '#1d4ed8', back: '#b45309', odi: '#166534', sbi: '#7e22ce' };

const MEASURE_TEXT: Record<string, string> = {
  nrs_leg: 'Leg pain (0–10)',
  nrs_back: 'Back pain (0–10)',
  odi: 'Oswestry disability (%)',
  rmdq: 'Roland-Morris disability (0–24)',
};

// Each measure's change in words a patient understands; "worse" is said plainly.
const CHANGE_TEXT: Record<MeasureChange['change'], string> = {
  improved: 'better, by an amount that matters',
  no_meaningful_change: 'no change that matters yet',
  worse: 'worse, by an amount that matters',
};

const REDUCTION_TEXT: Record<string, string> = {
  at_least_50_percent: 'pain at least halved',
  at_least_30_percent: 'pain down by at least a third',
};

const KIND_TEXT: Record<string, string> = {
  intake: 'Intake',
  reassessment: 'Reassessment',
  portal: 'Portal questionnaire',
};

function LazyPlot(props: { spec: PlotSpec }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let destroy: (() => void) | undefined;
    let cancelled = false;
    import('../charts/plot')
      .then((m) => {
        if (!cancelled && host.current) destroy = m.drawPlot(host.current, props.spec);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [props.spec]);
  if (failed) return <p class="muted">The drawing could not be loaded; the table below holds the same values.</p>;
  return <div class="plot" ref={host} aria-hidden="true" data-testid="plot" />;
}

function Legend(props: { spec: PlotSpec }) {
  return (
    <ul class="chart-legend" aria-hidden="true">
      {props.spec.series.map((s) => (
        <li key={s.label}>
          <svg width="28" height="10" focusable="false">
            <line x1="0" y1="5" x2="28" y2="5" stroke={s.color} stroke-width="3" stroke-dasharray={s.dashed ? '6 4' : undefined} />
          </svg>{' '}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

const dash = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));

function days(d: number) {
  const r = Math.round(d * 10) / 10;
  return `${r} day${r === 1 ? '' : 's'}`;
}

export function reliefText(r: SessionRelief | undefined): string {
  if (!r) return '–';
  const measure = r.measure === 'nrs_back' ? 'back pain' : 'leg pain';
  switch (r.lasted) {
    case 'held':
      return `Lasted at least ${days(r.days_to_next ?? 0)}: ${measure} before the next session was still meaningfully lower`;
    case 'faded':
      return `Faded within ${days(r.days_to_next ?? 0)}: ${measure} was back by the next session`;
    case 'no_relief':
      return `No relief right after the session`;
    case 'unknown':
      return `Not known yet: no later session with a rating`;
    default:
      return 'Not rated';
  }
}

function ResponderBox(props: { outcomes: NonNullable<ChartAnswer['outcomes']>; H: 'h2' | 'h3' }) {
  const { responder } = props.outcomes;
  const H = props.H;
  const title =
    responder.status === 'worse'
      ? 'Worse: a measure has gone up by an amount that matters'
      : responder.status === 'responder'
      ? 'Responding: leg pain is better by an amount that matters'
      : responder.status === 'not_yet'
        ? 'No meaningful improvement yet'
        : 'Too early to tell';
  const change = (m: MeasureChange) =>
    `${MEASURE_TEXT[m.measure] ?? m.measure}: ${m.baseline} → ${m.latest} ` +
    `(${m.improvement >= 0 ? 'down' : 'up'} ${Math.abs(Math.round(m.improvement * 10) / 10)}` +
    `${m.percent === null ? '' : `, ${Math.abs(Math.round(m.percent))}%`}; ${m.readings} readings) — ` +
    CHANGE_TEXT[m.change] +
    (m.pain_reduction && REDUCTION_TEXT[m.pain_reduction] ? ` (${REDUCTION_TEXT[m.pain_reduction]})` : '');
  return (
    <section class={`responder responder-${responder.status}`} data-testid="responder" aria-labelledby="responder-title">
      <H id="responder-title">{title}</H>
      <p>{responder.explanation}</p>
      {responder.measures.length > 0 && (
        <ul>
          {responder.measures.map((m) => (
            <li key={m.measure}>{change(m)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function painSpec(sessions: ChartSession[]): PlotSpec {
  return {
    xs: sessions.map((s) => toSeconds(s.at)),
    axes: [{ scale: 'pain', label: 'Pain 0–10', min: 0, max: 10 }],
    series: [
      { label: 'Leg pain before', values: sessions.map((s) => s.leg_pain_before), color: COLORS.leg, scale: 'pain' },
      { label: 'Leg pain after', values: sessions.map((s) => s.leg_pain_after), color: COLORS.leg, dashed: true, scale: 'pain' },
      { label: 'Back pain before', values: sessions.map((s) => s.back_pain_before), color: COLORS.back, scale: 'pain' },
      { label: 'Back pain after', values: sessions.map((s) => s.back_pain_after), color: COLORS.back, dashed: true, scale: 'pain' },
    ],
  };
}

function painSummary(sessions: ChartSession[]): string {
  const rated = sessions.filter((s) => s.leg_pain_before !== null || s.back_pain_before !== null);
  if (!rated.length) return `${sessions.length} session${sessions.length === 1 ? '' : 's'}, none with a pain rating yet.`;
  const useLeg = rated.some((s) => s.leg_pain_before !== null);
  const name = useLeg ? 'Leg pain' : 'Back pain';
  const before = (s: ChartSession) => (useLeg ? s.leg_pain_before : s.back_pain_before);
  const after = (s: ChartSession) => (useLeg ? s.leg_pain_after : s.back_pain_after);
  const withBoth = rated.filter((s) => before(s) !== null && after(s) !== null);
  const drops = withBoth.map((s) => (before(s) as number) - (after(s) as number));
  const first = rated.find((s) => before(s) !== null)!;
  const last = [...rated].reverse().find((s) => before(s) !== null)!;
  let text = `${sessions.length} session${sessions.length === 1 ? '' : 's'}. ${name} before the first rated session ${before(first)}, before the latest ${before(last)}.`;
  if (drops.length) {
    const mean = drops.reduce((a, b) => a + b, 0) / drops.length;
    text += ` Right after a session it was on average ${Math.abs(Math.round(mean * 10) / 10)} point${Math.abs(mean) === 1 ? '' : 's'} ${mean >= 0 ? 'lower' : 'higher'}.`;
  }
  return text;
}

type ScoreRow = ChartAnswer['assessments'][number];

function hasScores(a: ScoreRow) {
  return Object.keys(a.scores ?? {}).length > 0;
}

function scoresSpec(rows: ScoreRow[]): PlotSpec {
  return {
    xs: rows.map((a) => toSeconds(a.at)),
    axes: [
      { scale: 'odi', label: 'Oswestry %', min: 0, max: 100 },
      { scale: 'sbi', label: 'SBI 0–24', min: 0, max: 24 },
    ],
    series: [
      { label: 'Oswestry (ODI) %', values: rows.map((a) => a.scores.odi?.percent ?? null), color: COLORS.odi, scale: 'odi' },
      { label: 'Sciatica Bothersomeness (SBI)', values: rows.map((a) => a.scores.sbi?.total ?? null), color: COLORS.sbi, dashed: true, scale: 'sbi' },
    ],
  };
}

function firstAndLatest(rows: ScoreRow[], pick: (a: ScoreRow) => number | null | undefined, name: string, unit: string) {
  const with_ = rows.filter((a) => pick(a) !== null && pick(a) !== undefined);
  if (!with_.length) return `${name}: not answered yet.`;
  const f = with_[0];
  const l = with_[with_.length - 1];
  if (with_.length === 1) return `${name}: ${pick(f)}${unit} on ${shortDate(f.at)}.`;
  return `${name}: ${pick(f)}${unit} on ${shortDate(f.at)}, latest ${pick(l)}${unit} on ${shortDate(l.at)} (${with_.length} answers).`;
}

export function ProgressCharts(props: { chart: ChartAnswer; headingLevel?: 2 | 3 }) {
  const { chart } = props;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const sessions = chart.sessions;
  const scoreRows = useMemo(
    () => [...chart.assessments].filter(hasScores).sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id),
    [chart],
  );
  const pain = useMemo(() => painSpec(sessions), [chart]);
  const scores = useMemo(() => scoresSpec(scoreRows), [scoreRows]);
  const relief = new Map((chart.outcomes?.relief ?? []).map((r) => [r.session_id, r]));
  const drawScores = scoreRows.some((a) => a.scores.odi?.percent != null || a.scores.sbi?.total != null);

  return (
    <div class="progress">
      {chart.outcomes && <ResponderBox outcomes={chart.outcomes} H={H} />}

      <figure class="chart card" aria-labelledby="pain-chart-title">
        <H id="pain-chart-title">Pain before and after each session</H>
        <p class="chart-summary" data-testid="pain-summary">
          {sessions.length ? painSummary(sessions) : 'No session recorded yet.'}
        </p>
        {sessions.length > 0 && (
          <>
            <LazyPlot spec={pain} />
            <Legend spec={pain} />
            <div class="table-scroll" role="region" aria-label="Pain table" tabIndex={0}>
              <table class="list" data-testid="pain-table">
                <caption>Pain before and after each session</caption>
                <thead>
                  <tr>
                    <th scope="col">Session</th>
                    <th scope="col">Leg before</th>
                    <th scope="col">Leg after</th>
                    <th scope="col">Back before</th>
                    <th scope="col">Back after</th>
                    <th scope="col">How long the relief lasted</th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <time dateTime={s.at}>{shortDate(s.at)}</time>
                        {s.adverse_events > 0 && (
                          <span class="small muted">
                            {' '}
                            ({s.adverse_events} adverse event{s.adverse_events === 1 ? '' : 's'})
                          </span>
                        )}
                      </th>
                      <td>{dash(s.leg_pain_before)}</td>
                      <td>{dash(s.leg_pain_after)}</td>
                      <td>{dash(s.back_pain_before)}</td>
                      <td>{dash(s.back_pain_after)}</td>
                      <td>{reliefText(relief.get(s.id))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </figure>

      <figure class="chart card" aria-labelledby="scores-chart-title">
        <H id="scores-chart-title">Oswestry (ODI) and Sciatica Bothersomeness (SBI) over time</H>
        <p class="chart-summary" data-testid="scores-summary">
          {scoreRows.length
            ? `${firstAndLatest(scoreRows, (a) => a.scores.odi?.percent, 'Oswestry disability', '%')} ${firstAndLatest(
                scoreRows,
                (a) => a.scores.sbi?.total,
                'Sciatica Bothersomeness',
                ' of 24',
              )} Lower is better for both.`
            : 'No questionnaire answered yet.'}
        </p>
        {drawScores && (
          <>
            <LazyPlot spec={scores} />
            <Legend spec={scores} />
          </>
        )}
        {scoreRows.length > 0 && (
          <div class="table-scroll" role="region" aria-label="Questionnaire table" tabIndex={0}>
            <table class="list" data-testid="scores-table">
              <caption>Questionnaire scores over time</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">From</th>
                  <th scope="col">Leg pain</th>
                  <th scope="col">Back pain</th>
                  <th scope="col">Oswestry %</th>
                  <th scope="col">SBI</th>
                  <th scope="col">STarT Back</th>
                </tr>
              </thead>
              <tbody>
                {[...scoreRows].reverse().map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <time dateTime={a.at}>{shortDate(a.at)}</time>
                    </th>
                    <td>{KIND_TEXT[a.kind] ?? a.kind}</td>
                    <td>{dash(a.scores.nrs_leg)}</td>
                    <td>{dash(a.scores.nrs_back)}</td>
                    <td>
                      {dash(a.scores.odi?.percent)}
                      {a.scores.odi?.band_label ? <span class="small muted"> ({a.scores.odi.band_label})</span> : null}
                    </td>
                    <td>{dash(a.scores.sbi?.total)}</td>
                    <td>{a.scores.startback?.risk ? `${a.scores.startback.risk} risk` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </figure>
    </div>
  );
}

// The patient's own progress: the same charts and tables the therapist sees.
import { useEffect, useState } from 'preact/hooks';
import { get, type ChartAnswer } from '../api';
import { ErrorBox, Link, Loading } from '../components/common';
import { ProgressCharts } from '../components/Progress';

export function MyProgress(props: { patientId: number }) {
  const [chart, setChart] = useState<ChartAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<ChartAnswer>(`/api/v1/patients/${props.patientId}/chart`).then(setChart).catch(setError);
  }, [props.patientId]);
  if (error) return <ErrorBox error={error} />;
  if (!chart) return <Loading what="your progress" />;
  return (
    <section aria-labelledby="progress-title">
      <h1 id="progress-title">My progress</h1>
      <p class="lead">
        Your pain ratings and questionnaire answers over time. Lower numbers mean less pain and less trouble in daily
        life.
      </p>
      <ProgressCharts chart={chart} headingLevel={2} />
      <p class="no-print">
        <Link href="/portal/questionnaires">Answer the questionnaires again</Link>
      </p>
    </section>
  );
}

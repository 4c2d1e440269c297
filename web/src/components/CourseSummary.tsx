// The patient's course as the chart and the portal show it (GET
// /api/v1/patients/{id}/course): "3 of 6 sessions booked, 3 left" and the
// next booked appointments with their day, time and therapist, in the
// clinic's time. Nothing without an approved plan.
import { useEffect, useState } from 'preact/hooks';
import { get, type Course } from '../api';

export function CourseSummary(props: { patientId: number; reload?: number; you?: boolean }) {
  const [course, setCourse] = useState<Course | null>(null);
  useEffect(() => {
    get<Course>(`/api/v1/patients/${props.patientId}/course`)
      .then(setCourse)
      .catch(() => setCourse(null)); // The course is a summary: the page shows its own errors.
  }, [props.patientId, props.reload]);
  if (!course || course.plan_id === null) return null;
  const next = course.next ?? [];
  return (
    <div class="course-summary" data-testid="course-summary">
      <p>
        <strong>{course.text}</strong>
        {course.rhythm && <span class="muted"> ({course.rhythm.text})</span>}
      </p>
      {next.length === 0 ? (
        <p>{props.you ? 'You have no appointment booked yet.' : 'No appointment booked yet.'}</p>
      ) : (
        <>
          <p>{props.you ? 'Your next appointments:' : 'Next appointments:'}</p>
          <ul data-testid="course-next">
            {next.slice(0, 5).map((a) => (
              <li key={a.id}>
                {a.when} with {a.therapist_name} ({a.minutes} minutes)
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

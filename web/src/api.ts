// The REST API under /api/v1: a fetch wrapper that sends the session's CSRF
// token on every write and turns the server's {"error": {field, message}}
// answers into ApiError values the pages show as they are.

export class ApiError extends Error {
  constructor(
    public status: number,
    public field: string,
    message: string,
    // Every problem the server listed (a plan revision lists them all).
    public problems: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

export interface ApiAnswer<T> {
  data: T;
  headers: Headers;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, '', 'The server cannot be reached. Check the connection and try again.');
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const answer = parsed as { error?: { field?: string; message?: string }; problems?: unknown } | null;
    const err = answer?.error;
    throw new ApiError(
      response.status,
      err?.field ?? '',
      err?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      Array.isArray(answer?.problems) ? (answer.problems as { field: string; message: string }[]) : [],
    );
  }
  return { data: parsed as T, headers: response.headers };
}

export const get = <T>(path: string) => request<T>('GET', path).then((a) => a.data);

/** Every item of a paged list (pages of 500, the most a page holds), the rest read together once the first says how many. */
export async function getEvery<T>(path: string): Promise<T[]> {
  const size = 500;
  const join = path.includes('?') ? '&' : '?';
  const first = await get<Page<T>>(`${path}${join}limit=${size}`);
  const offsets: number[] = [];
  for (let o = size; o < first.total; o += size) offsets.push(o);
  const rest = await Promise.all(offsets.map((o) => get<Page<T>>(`${path}${join}limit=${size}&offset=${o}`)));
  return [first, ...rest].flatMap((p) => p.items);
}
export const post = <T>(path: string, body: unknown) => request<T>('POST', path, body).then((a) => a.data);

// ---- The documents the pages use, as api/openapi.json describes them: the
// types are generated from that document (npm run generate:api), never typed
// here by hand, so the web and the server read one contract.
import type { components, paths } from './generated/openapi';

type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
type JsonAnswer<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type User = Schema<'User'>;
export type SessionAnswer = Schema<'SessionInfo'>;
export type Patient = Schema<'Patient'>;
export type PatientDetailsHistory = Schema<'PatientDetailsHistory'>;

/** A page of a list answer (items with the total across all pages). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type Knowledge = Schema<'Knowledge'>;
export type RedFlagQuestion = Knowledge['red_flags'][number];
export type KnowledgeTechnique = Knowledge['techniques'][number];
/** A region with the sides it has (knowledge/regions.json); the server refuses any other. */
export type KnowledgeRegion = Knowledge['regions'][number];
export type QuestionnaireDef = Schema<'QuestionnaireDef'>;
export type QuestionnaireItem = QuestionnaireDef['items'][number];

export type Evidence = Schema<'Evidence'>;
export type Technique = Schema<'PlanTechnique'>;
export type Plan = Schema<'PlanDocument'>;
export type Scores = Schema<'Scores'>;
export type AssessmentResult = Schema<'AssessmentResult'>;
export type AssessmentRecord = Schema<'Assessment'>;
export type AssessmentCreated = Schema<'AssessmentCreated'>;
/** A stored plan version, as GET /api/v1/plans/{id} answers it. */
export type PlanVersion = Schema<'Plan'>;
export type PlanRecord = PlanVersion;

export type SessionTechnique = Schema<'Technique'>;
export type AdverseEvent = Schema<'AdverseEvent'>;
export type SessionNoteRecord = Schema<'SessionNote'>;
// A note with its status, signer and amendments (GET /sessions/{id}).
export type NoteRecord = Schema<'SessionNoteRecord'>;
/** Departures from screening a therapist acknowledged (docs/clinical-rules.md). */
export type SessionDeviations = NonNullable<Schema<'SessionDeviations'>>;

export type ChartAnswer = Schema<'Chart'>;
export type ChartSession = ChartAnswer['sessions'][number];
type Outcomes = NonNullable<ChartAnswer['outcomes']>;
export type MeasureChange = Outcomes['responder']['measures'][number];
export type SessionRelief = Outcomes['relief'][number];

export type HomeProgramme = Schema<'ServedProgramme'>;
/** The answer while a referral stands: no exercises, the advice to follow instead. */
export type WithdrawnProgramme = Schema<'WithdrawnProgramme'>;

export type Referral = Schema<'Referral'>;
export type ReferralEvent = Referral['letters_sent'][number];

// The server's refusal of a note that departs from screening names this field;
// the same note is stored when sent again with it true and a reason.
export const DEVIATIONS_FIELD = 'deviations_acknowledged';

export type TherapistProfile = Schema<'TherapistProfile'>;
export type Therapist = Schema<'TherapistList'>['items'][number];
export type AuditEntry = Schema<'AuditEntry'>;
export type IntakeDraft = Schema<'IntakeDraft'>;
export type Consent = Schema<'Consent'>;
export type ConsentAnswer = JsonAnswer<'/api/v1/patients/{id}/consents', 'get'>;
export type Appointment = Schema<'Appointment'>;
export type Room = Schema<'Room'>;
export type Course = Schema<'Course'>;
export type CourseProposal = Schema<'CourseProposal'>;
export type CourseBookingResult = Schema<'CourseBookingResult'>;
export type ClinicSettings = Schema<'ClinicSettings'>;
export type MailOutbox = Schema<'MailOutbox'>;
export type OutboxMessage = Schema<'OutboxMessage'>;
export type ClinicHours = Schema<'ClinicHours'>;
export type MoveRequest = Schema<'MoveRequest'>;
export type WeekSpan = Schema<'WeekSpan'>;
export type TherapistAvailability = Schema<'TherapistAvailability'>;
export type TimeOff = Schema<'TimeOff'>;
export type AttentionItem = JsonAnswer<'/api/v1/attention', 'get'>['items'][number];
export type CalendarFeed = Schema<'CalendarFeed'>;

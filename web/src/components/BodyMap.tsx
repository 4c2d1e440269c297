// The body map: FRONT and BACK figures whose shapes are keyed by the intake's
// region ids (docs/intake.md), once for the left and once for the right side.
// Only the drawing lives here: which regions there are and their names come
// from the knowledge (GET /api/v1/knowledge), so a region the server does not
// know is never drawn. Each region is a focusable button labelled by its name
// ("right calf"); click, Enter or Space selects it. Regions light up by the kind and intensity of the
// symptoms recorded on them. Symptoms are stored as data (region, side, kind,
// intensity), never as marks on a picture.

import type { KnowledgeRegion } from '../api';
import { regionName } from '../knowledge';

export type PatientSide = 'left' | 'right';

/** A symptom as the intake records it; region, side and kind are knowledge ids. */
export interface Symptom {
  region: string;
  side: string;
  kind: string;
  intensity: number;
}

// Fill colours by kind; each has at least 3:1 contrast on white at full
// strength, and the symptom table below the map says the same in words. A kind
// the drawing has no colour for yet is drawn in a neutral grey.
const KIND_COLOURS: Record<string, string> = {
  pain: '#c53030',
  numbness: '#2b6cb0',
  tingling: '#b45309',
  weakness: '#6b46c1',
};
const OTHER_KIND_COLOUR = '#4a5568';
const colourOf = (kind: string) => KIND_COLOURS[kind] ?? OTHER_KIND_COLOUR;

// Shapes for the side drawn on the viewer's LEFT half of each figure, in a
// 200 x 460 box; the other side is the mirror image (x -> 200 - x). On the
// front figure the viewer's left is the patient's right; on the back figure it
// is the patient's left.
const FRONT: Record<string, string> = {
  hip: '50,178 64,178 64,222 52,222',
  groin: '78,200 99,200 99,222 86,222',
  lateral_thigh: '51,225 64,225 64,300 57,300',
  anterior_thigh: '66,225 98,225 95,300 66,300',
  knee: '58,304 95,304 93,330 60,330',
  shin: '62,334 92,334 89,400 66,400',
  ankle: '66,404 89,404 89,416 66,416',
  foot_lateral: '55,420 64,420 64,440 55,440',
  foot_top: '66,420 92,420 92,437 66,437',
  little_toe: '57,443 70,443 70,455 57,455',
  big_toe: '80,440 94,440 94,455 80,455',
};
const BACK: Record<string, string> = {
  lower_back: '68,148 99,148 99,188 66,188',
  sacrum: '88,191 99,191 99,223 93,223',
  buttock: '56,191 85,191 90,226 99,226 99,252 59,252',
  posterior_thigh: '60,256 98,256 95,322 64,322',
  calf: '62,334 92,334 89,402 66,402',
  foot_sole: '64,418 91,418 91,448 64,448',
};

function mirror(points: string) {
  return points
    .split(' ')
    .map((p) => {
      const [x, y] = p.split(',').map(Number);
      return `${200 - x},${y}`;
    })
    .join(' ');
}

// Decorative outline of a person, drawn under the regions.
function Silhouette() {
  return (
    <g class="silhouette" aria-hidden="true">
      <circle cx="100" cy="30" r="20" />
      <rect x="91" y="48" width="18" height="12" />
      <path d="M64,60 L136,60 L150,180 L146,224 L100,226 L54,224 L50,180 Z" />
      <path d="M62,64 L44,70 L30,170 L40,172 L56,96 Z" />
      <path d="M138,64 L156,70 L170,170 L160,172 L144,96 Z" />
      <path d="M50,222 L99,222 L98,340 L94,420 L96,456 L54,456 L60,420 L58,330 Z" />
      <path d="M150,222 L101,222 L102,340 L106,420 L104,456 L146,456 L140,420 L142,330 Z" />
    </g>
  );
}

function regionStyle(symptoms: Symptom[], region: string, side: PatientSide) {
  const here = symptoms.filter(
    (s) => s.region === region && (s.side === side || s.side === 'both' || s.side === 'midline'),
  );
  if (here.length === 0) return { fill: '#ffffff', fillOpacity: 1, here };
  const strongest = here.reduce((a, b) => (b.intensity > a.intensity ? b : a));
  return {
    fill: colourOf(strongest.kind),
    fillOpacity: 0.3 + 0.07 * strongest.intensity,
    here,
  };
}

interface BodyMapProps {
  /** The knowledge's regions: their ids key the shapes, their labels name them. */
  regions: KnowledgeRegion[];
  /** The knowledge's symptom kinds, for the colour key. */
  kinds: string[];
  symptoms: Symptom[];
  selected: { region: string; side: PatientSide } | null;
  onSelect: (region: string, side: PatientSide) => void;
}

function Figure(props: BodyMapProps & { view: 'front' | 'back' }) {
  const shapes = props.view === 'front' ? FRONT : BACK;
  // Which patient side is drawn on the viewer's left of this figure.
  const viewerLeft: PatientSide = props.view === 'front' ? 'right' : 'left';
  const viewerRight: PatientSide = viewerLeft === 'left' ? 'right' : 'left';
  const title = props.view === 'front' ? 'Front' : 'Back';
  const buttons = [];
  for (const { id: region } of props.regions) {
    const points = shapes[region];
    if (!points) continue;
    const name = regionName(props.regions, region);
    for (const [side, pts] of [
      [viewerLeft, points],
      [viewerRight, mirror(points)],
    ] as const) {
      const style = regionStyle(props.symptoms, region, side);
      const isSelected = props.selected?.region === region && props.selected.side === side;
      const select = () => props.onSelect(region, side);
      buttons.push(
        <polygon
          key={`${side}-${region}`}
          points={pts}
          role="button"
          tabindex={0}
          aria-label={`${side} ${name}`}
          aria-pressed={isSelected}
          data-region={region}
          data-side={side}
          data-marked={style.here.length > 0 ? style.here.map((s) => s.kind).join(' ') : undefined}
          class={`region${isSelected ? ' selected' : ''}${style.here.length ? ' marked' : ''}`}
          style={{ fill: style.fill, fillOpacity: style.fillOpacity }}
          onClick={select}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              select();
            }
          }}
        >
          <title>{`${side} ${name}`}</title>
        </polygon>,
      );
    }
  }
  return (
    <figure class="figure">
      <svg viewBox="0 0 200 470" role="group" aria-label={`${title} of the body`} class="body-svg">
        <Silhouette />
        {buttons}
        <text x="22" y="466" class="side-label" aria-hidden="true">
          {viewerLeft === 'right' ? 'R' : 'L'}
        </text>
        <text x="170" y="466" class="side-label" aria-hidden="true">
          {viewerRight === 'right' ? 'R' : 'L'}
        </text>
      </svg>
      <figcaption>
        <strong>{title.toUpperCase()}</strong>
        <span class="muted"> — patient's {viewerLeft} is on your left</span>
      </figcaption>
    </figure>
  );
}

export function BodyMap(props: BodyMapProps) {
  return (
    <div class="body-map">
      <Figure view="front" {...props} />
      <Figure view="back" {...props} />
      <ul class="legend" aria-label="Colour key">
        {props.kinds.map((k) => (
          <li key={k}>
            <span class="swatch" style={{ background: colourOf(k) }} aria-hidden="true" /> {k}
          </li>
        ))}
        <li class="muted">stronger colour = higher intensity</li>
      </ul>
    </div>
  );
}

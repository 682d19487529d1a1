/** Items the lead added to an intervention ("Add to ..."), listed under it (popup, summary, 1:1 page). */
import type { Joined } from '@/utils/model/records';

export function JoinedItems({ joined }: { joined: readonly Joined[] }) {
  return (
    <ul class="joined" aria-label="Also in this intervention">
      {joined.map((j) => (
        <li key={`${j.tool}:${j.artifact.key}`}>
          Also{' '}
          <a class="key" href={j.artifact.url} target="_blank" rel="noreferrer">
            {j.artifact.key}
          </a>
          {j.artifact.title ? ` ${j.artifact.title}` : ''}
        </li>
      ))}
    </ul>
  );
}

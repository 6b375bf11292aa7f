// The header row of a table whose columns are all text: one <th scope="col"> per label.

import { headClass } from "./table-classes.ts";

export function TableHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {labels.map((h) => (
          <th class={headClass} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

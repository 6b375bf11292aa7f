// Utrecht table class names shared by the tables of the pages.

export const numClass =
  "utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data";
export const headClass = "utrecht-table__header-cell";
export const numHeadClass = "utrecht-table__header-cell utrecht-table__header-cell--numeric-column";

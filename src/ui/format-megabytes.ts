const MB = 1024 * 1024;

/** A size in megabytes for people: one decimal below 10 MB, none above. */
export const formatMegabytes = (bytes: number): string =>
  `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

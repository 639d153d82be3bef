/** What a user does about a missing, empty or non-covering vulnerability database. */
export const DATABASE_REMEDY =
  'run `customs db update` (behind a proxy, set HTTPS_PROXY), or offline `customs db import` feed files or a bundle made by `customs db export`';

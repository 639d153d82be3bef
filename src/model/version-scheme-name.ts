/** The version schemes Customs compares in (names as `customs version compare` takes them). */
export type SchemeName =
  'deb' | 'rpm' | 'apk' | 'semver' | 'pep440' | 'maven' | 'gem' | 'golang' | 'nuget' | 'generic';

export class NationalityView {
  /** ISO 3166-1 alpha-3, or XXA (stateless) / XXX (unspecified). */
  code: string;
  alpha2: string | null;
  name: string;
}

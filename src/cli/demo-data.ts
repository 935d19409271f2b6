/** Synthetic demo data: invented names and places, no real person. */

export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_USERS: { email: string; displayName: string; role: string; nationalities: string[] }[] = [
  { email: 'admin@demo.safe-return.org', displayName: 'Demo Admin', role: 'admin', nationalities: [] },
  {
    email: 'supervisor@demo.safe-return.org',
    displayName: 'Demo Supervisor',
    role: 'supervisor',
    nationalities: [],
  },
  {
    email: 'caseworker@demo.safe-return.org',
    displayName: 'Demo Caseworker',
    role: 'caseworker',
    nationalities: [],
  },
  {
    email: 'consular.tha@demo.safe-return.org',
    displayName: 'Demo Thai Consul',
    role: 'consular',
    nationalities: ['THA'],
  },
  {
    email: 'consular.phl@demo.safe-return.org',
    displayName: 'Demo Philippine Consul',
    role: 'consular',
    nationalities: ['PHL'],
  },
  { email: 'analyst@demo.safe-return.org', displayName: 'Demo Analyst', role: 'analyst', nationalities: [] },
  { email: 'donor@demo.safe-return.org', displayName: 'Demo Donor', role: 'donor', nationalities: [] },
];

export const DEMO_COMPOUNDS = [
  {
    key: 'laukkaing',
    name: 'Laukkaing Riverside Compound (demo)',
    aliases: ['Riverside Park', 'LRC'],
    countryCode: 'MMR',
    region: 'Kokang SAZ, Shan State',
    town: 'Laukkaing',
    latitude: 23.69,
    longitude: 98.76,
    controlledBy: 'Demo operator group',
    status: 'raided',
  },
  {
    key: 'myawaddy',
    name: 'Moei River Business Zone (demo)',
    aliases: ['Zone 7'],
    countryCode: 'MMR',
    region: 'Kayin State',
    town: 'Myawaddy',
    latitude: 16.69,
    longitude: 98.5,
    controlledBy: 'Demo armed group',
    status: 'active',
  },
  {
    key: 'sihanoukville',
    name: 'Coastal Tower Complex (demo)',
    aliases: ['Tower 3'],
    countryCode: 'KHM',
    region: 'Preah Sihanouk',
    town: 'Sihanoukville',
    latitude: 10.63,
    longitude: 103.52,
    controlledBy: 'Demo holding company',
    status: 'closed',
  },
] as const;

const NAMES: Record<string, { given: string[]; family: string[] }> = {
  THA: {
    given: [
      'Somchai',
      'Siriporn',
      'Nattapong',
      'Kittisak',
      'Anong',
      'Malee',
      'Prasert',
      'Wanida',
      'Chaiya',
      'Ratana',
    ],
    family: ['Jaidee', 'Srisuk', 'Wongsawat', 'Chaiyaporn', 'Boonmee', 'Suksawat', 'Thongdee', 'Kaewkla'],
  },
  PHL: {
    given: ['Juan', 'Maria Cristina', 'Jose', 'Analyn', 'Mark', 'Rowena'],
    family: ['Dela Cruz', 'Santos', 'Reyes', 'Bautista', 'Garcia', 'Mendoza'],
  },
  SGP: { given: ['Wei Ming', 'Hui Ling'], family: ['Tan', 'Lim'] },
  VNM: { given: ['Van An', 'Thi Lan', 'Duc Minh', 'Thu Ha'], family: ['Nguyen', 'Pham', 'Tran', 'Le'] },
  CHN: { given: ['Wei', 'Fang', 'Jun', 'Li'], family: ['Zhang', 'Wang', 'Liu', 'Chen'] },
  IDN: { given: ['Rizky', 'Nur Haliza', 'Budi', 'Dewi'], family: ['Muhammad', 'Siti', 'Santoso', 'Wijaya'] },
};

/** Deterministic pseudo-random pick, so every seeded database looks the same. */
export function pick<T>(list: readonly T[], n: number): T {
  return list[Math.abs(Math.imul(n + 1, 2654435761)) % list.length];
}

export function demoName(nationality: string, n: number): { givenName: string; familyName: string } {
  const names = NAMES[nationality] ?? NAMES.THA;
  return { givenName: pick(names.given, n), familyName: pick(names.family, n * 7 + 3) };
}

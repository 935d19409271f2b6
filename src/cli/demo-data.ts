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

/** Compounds of the story (invented operators; the places are where such compounds were reported). */
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
    controlledBy: 'Demo operator family',
    status: 'raided',
  },
  {
    key: 'laukkaingNorth',
    name: 'Kokang Gateway Villas (demo)',
    aliases: ['Gateway Villas'],
    countryCode: 'MMR',
    region: 'Kokang SAZ, Shan State',
    town: 'Laukkaing',
    latitude: 23.71,
    longitude: 98.78,
    controlledBy: 'Demo operator family',
    status: 'raided',
  },
  {
    key: 'shweKokko',
    name: 'Shwe Kokko (demo)',
    aliases: ['Yatai New City', 'Yatai'],
    countryCode: 'MMR',
    region: 'Kayin State',
    town: 'Myawaddy',
    latitude: 16.83,
    longitude: 98.5,
    controlledBy: 'Demo armed group',
    status: 'active',
  },
  {
    key: 'kkPark',
    name: 'KK Park (demo)',
    aliases: ['KKPark'],
    countryCode: 'MMR',
    region: 'Kayin State',
    town: 'Myawaddy',
    latitude: 16.62,
    longitude: 98.54,
    controlledBy: 'Demo armed group',
    status: 'raided',
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

/** Embassies of the story: they are notified, and the embassies' officers act in the app. */
export const DEMO_CONTACTS = [
  {
    countryCode: 'THA',
    mission: 'Royal Thai Embassy, Yangon (demo)',
    city: 'Yangon',
    name: 'Demo Consul THA',
  },
  {
    countryCode: 'PHL',
    mission: 'Embassy of the Philippines, Yangon (demo)',
    city: 'Yangon',
    name: 'Demo Consul PHL',
  },
  {
    countryCode: 'SGP',
    mission: 'Embassy of Singapore, Yangon (demo)',
    city: 'Yangon',
    name: 'Demo Consul SGP',
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
  IND: { given: ['Arjun', 'Priya', 'Rahul', 'Kavya'], family: ['Sharma', 'Nair', 'Reddy', 'Iyer'] },
  KEN: { given: ['Brian', 'Faith', 'Kevin', 'Mercy'], family: ['Otieno', 'Wanjiru', 'Kamau', 'Achieng'] },
  LKA: {
    given: ['Nuwan', 'Dilani', 'Kasun', 'Sanduni'],
    family: ['Perera', 'Fernando', 'Silva', 'Jayasuriya'],
  },
  MMR: { given: ['Aung Ko', 'Thandar', 'Kyaw Zin', 'Hnin Wai'], family: ['Min', 'Oo', 'Htet', 'Lwin'] },
};

/** Deterministic pseudo-random pick, so every seeded database looks the same. */
export function pick<T>(list: readonly T[], n: number): T {
  return list[Math.abs(Math.imul(n + 1, 2654435761)) % list.length];
}

export function demoName(nationality: string, n: number): { givenName: string; familyName: string } {
  const names = NAMES[nationality] ?? NAMES.THA;
  return { givenName: pick(names.given, n), familyName: pick(names.family, n * 7 + 3) };
}

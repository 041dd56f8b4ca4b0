import { Faker, base, de, en, en_IN, fr, pt_BR, tr, type LocaleDefinition } from '@faker-js/faker';
import { tierFor, type AgeBucket, type DeliverableType, type Niche, type Platform, type Tier } from '@reachbridge/domain';

/**
 * Deterministic, realistic influencer data (SPEC §4 "The seeder"): the same seed gives the same
 * rows. Heavy-tailed followers, engagement falling with tier, correlated niches, audience
 * countries matching the influencer's country and language, bios in Persian and English, and a
 * few percent of bought-follower profiles (low engagement, growth spikes) for the quality score
 * to catch.
 */

/** Every generated influencer's e-mail address is at this domain. */
export const SEEDED_EMAIL_DOMAIN = 'seed.reachbridge.local';

export interface GeneratedAccount {
  id: string;
  platform: Platform;
  handle: string;
  url: string;
  followers: number;
  following: number;
  posts: number;
  avgViews: number;
  engagementRate: number;
  growth30d: number;
  audience: { countries: Record<string, number>; ages: Record<string, number>; genders: Record<string, number>; languages: Record<string, number> };
  /** Followers at the end of each of the last six months, oldest first. */
  history: number[];
}

export interface GeneratedInfluencer {
  userId: string;
  profileId: string;
  email: string;
  displayName: string;
  slug: string;
  bio: string;
  niches: Niche[];
  country: string;
  city: string;
  languages: string[];
  accounts: GeneratedAccount[];
  rates: { platform: Platform; deliverable: DeliverableType; amountMinor: number; currency: 'USD' }[];
}

interface CountryProfile {
  code: string;
  weight: number;
  languages: string[];
  cities: string[];
  platforms: Platform[];
  diaspora: string[];
}

const COUNTRIES: CountryProfile[] = [
  { code: 'IR', weight: 45, languages: ['fa'], cities: ['Tehran', 'Mashhad', 'Isfahan', 'Shiraz', 'Tabriz', 'Karaj', 'Rasht'], platforms: ['instagram', 'telegram', 'aparat', 'youtube'], diaspora: ['DE', 'US', 'CA', 'TR', 'AE', 'GB'] },
  { code: 'US', weight: 10, languages: ['en'], cities: ['New York', 'Los Angeles', 'Austin', 'Chicago', 'Miami'], platforms: ['instagram', 'tiktok', 'youtube', 'x', 'twitch'], diaspora: ['CA', 'GB', 'MX'] },
  { code: 'TR', weight: 8, languages: ['tr'], cities: ['Istanbul', 'Ankara', 'Izmir'], platforms: ['instagram', 'tiktok', 'youtube'], diaspora: ['DE', 'NL'] },
  { code: 'DE', weight: 6, languages: ['de'], cities: ['Berlin', 'Hamburg', 'Munich', 'Cologne'], platforms: ['instagram', 'tiktok', 'youtube', 'twitch'], diaspora: ['AT', 'CH'] },
  { code: 'AE', weight: 6, languages: ['ar', 'en'], cities: ['Dubai', 'Abu Dhabi', 'Sharjah'], platforms: ['instagram', 'tiktok', 'youtube', 'x'], diaspora: ['SA', 'IN', 'GB'] },
  { code: 'GB', weight: 5, languages: ['en'], cities: ['London', 'Manchester', 'Bristol'], platforms: ['instagram', 'tiktok', 'youtube', 'x'], diaspora: ['US', 'IE'] },
  { code: 'CA', weight: 4, languages: ['en', 'fr'], cities: ['Toronto', 'Vancouver', 'Montreal'], platforms: ['instagram', 'tiktok', 'youtube'], diaspora: ['US'] },
  { code: 'FR', weight: 4, languages: ['fr'], cities: ['Paris', 'Lyon', 'Marseille'], platforms: ['instagram', 'tiktok', 'youtube'], diaspora: ['BE', 'CA'] },
  { code: 'IN', weight: 6, languages: ['en', 'hi'], cities: ['Mumbai', 'Delhi', 'Bengaluru'], platforms: ['instagram', 'youtube', 'x'], diaspora: ['AE', 'US', 'GB'] },
  { code: 'BR', weight: 6, languages: ['pt'], cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte'], platforms: ['instagram', 'tiktok', 'youtube'], diaspora: ['PT', 'US'] },
];

/** Niches that travel together: the second and third niche are drawn from the first one's neighbours. */
const RELATED: Record<Niche, Niche[]> = {
  fashion: ['beauty', 'lifestyle', 'art'], beauty: ['fashion', 'lifestyle', 'health'], fitness: ['health', 'sports', 'food'],
  food: ['travel', 'lifestyle', 'health', 'home'], travel: ['food', 'lifestyle', 'art'], tech: ['gaming', 'business', 'education'],
  gaming: ['tech', 'comedy', 'music'], parenting: ['home', 'education', 'health', 'food'], finance: ['business', 'education', 'tech'],
  education: ['tech', 'business', 'parenting'], lifestyle: ['fashion', 'travel', 'food', 'home'], music: ['art', 'comedy', 'lifestyle'],
  sports: ['fitness', 'health', 'automotive'], automotive: ['tech', 'sports', 'lifestyle'], home: ['lifestyle', 'parenting', 'art'],
  pets: ['lifestyle', 'home', 'comedy'], health: ['fitness', 'food', 'beauty'], comedy: ['music', 'gaming', 'lifestyle'],
  art: ['music', 'fashion', 'home'], business: ['finance', 'tech', 'education'],
};
const NICHE_WEIGHTS: [Niche, number][] = [
  ['lifestyle', 12], ['fashion', 10], ['beauty', 9], ['food', 9], ['travel', 7], ['fitness', 7], ['tech', 6], ['gaming', 6],
  ['comedy', 5], ['music', 5], ['parenting', 4], ['health', 4], ['education', 3], ['finance', 3], ['sports', 3], ['home', 2],
  ['art', 2], ['business', 2], ['automotive', 1], ['pets', 1],
];
const FEMALE_SKEW: Partial<Record<Niche, number>> = { beauty: 82, fashion: 75, parenting: 78, home: 65, food: 60, lifestyle: 62, health: 58 };
const MALE_SKEW: Partial<Record<Niche, number>> = { gaming: 25, automotive: 18, tech: 30, finance: 35, sports: 30, business: 40 };
const YOUNG: Niche[] = ['gaming', 'comedy', 'music', 'fashion', 'beauty'];
const OLDER: Niche[] = ['finance', 'business', 'parenting', 'home', 'health'];

/**
 * Persian names with the Latin spelling their owners use in handles (Faker's Persian names have
 * none, and a handle unrelated to the name looks fake). Persian yeh and keh throughout.
 */
export const PERSIAN_NAMES: Record<'female' | 'male' | 'last', readonly (readonly [name: string, latin: string])[]> = {
  female: [
    ['سارا', 'sara'], ['مریم', 'maryam'], ['زهرا', 'zahra'], ['فاطمه', 'fatemeh'], ['نگار', 'negar'], ['نازنین', 'nazanin'],
    ['مهسا', 'mahsa'], ['الهام', 'elham'], ['پریسا', 'parisa'], ['شیرین', 'shirin'], ['لیلا', 'leila'], ['نیلوفر', 'niloufar'],
    ['آزاده', 'azadeh'], ['یاسمن', 'yasaman'], ['ترانه', 'taraneh'], ['گلنار', 'golnar'], ['ستاره', 'setareh'], ['مهتاب', 'mahtab'],
    ['هانیه', 'hanieh'], ['ریحانه', 'reyhaneh'], ['کیمیا', 'kimia'], ['آیدا', 'aida'], ['رویا', 'roya'], ['سمیرا', 'samira'],
    ['فرناز', 'farnaz'], ['بهاره', 'bahareh'], ['سپیده', 'sepideh'], ['نسیم', 'nasim'], ['پگاه', 'pegah'], ['مینا', 'mina'],
  ],
  male: [
    ['علی', 'ali'], ['محمد', 'mohammad'], ['رضا', 'reza'], ['حسین', 'hossein'], ['امیر', 'amir'], ['مهدی', 'mehdi'],
    ['سعید', 'saeed'], ['آرش', 'arash'], ['بابک', 'babak'], ['کاوه', 'kaveh'], ['پویا', 'pouya'], ['سینا', 'sina'],
    ['نیما', 'nima'], ['فرهاد', 'farhad'], ['بهرام', 'bahram'], ['داریوش', 'dariush'], ['کامران', 'kamran'], ['میلاد', 'milad'],
    ['امید', 'omid'], ['حمید', 'hamid'], ['مجید', 'majid'], ['جواد', 'javad'], ['یاسین', 'yasin'], ['آرمین', 'armin'],
    ['بردیا', 'bardia'], ['پارسا', 'parsa'], ['سهراب', 'sohrab'], ['کیان', 'kian'], ['رامین', 'ramin'], ['شهاب', 'shahab'],
  ],
  last: [
    ['احمدی', 'ahmadi'], ['محمدی', 'mohammadi'], ['حسینی', 'hosseini'], ['رضایی', 'rezaei'], ['کریمی', 'karimi'], ['موسوی', 'mousavi'],
    ['جعفری', 'jafari'], ['رحیمی', 'rahimi'], ['هاشمی', 'hashemi'], ['صادقی', 'sadeghi'], ['قاسمی', 'ghasemi'], ['نوری', 'nouri'],
    ['کاظمی', 'kazemi'], ['مرادی', 'moradi'], ['اکبری', 'akbari'], ['تهرانی', 'tehrani'], ['شیرازی', 'shirazi'], ['اصفهانی', 'esfahani'],
    ['تبریزی', 'tabrizi'], ['یزدانی', 'yazdani'], ['فرهادی', 'farhadi'], ['سلیمانی', 'soleimani'], ['عباسی', 'abbasi'], ['نجفی', 'najafi'],
    ['بهرامی', 'bahrami'], ['امینی', 'amini'], ['رستمی', 'rostami'], ['کیانی', 'kiani'], ['زمانی', 'zamani'], ['مهدوی', 'mahdavi'],
    ['شریفی', 'sharifi'], ['نظری', 'nazari'], ['افشار', 'afshar'], ['جلالی', 'jalali'], ['فراهانی', 'farahani'], ['میرزایی', 'mirzaei'],
    ['طاهری', 'taheri'], ['باقری', 'bagheri'], ['ملکی', 'maleki'], ['مهدی‌پور', 'mahdipour'],
  ],
};

/** Names in the country's own language (Latin script); elsewhere English ones. */
const NAME_LOCALES: Partial<Record<string, LocaleDefinition>> = { TR: tr, DE: de, FR: fr, BR: pt_BR, IN: en_IN };

/** A name as a handle writes it: `Şükrü Öztürk` → `sukru.ozturk`. */
export function handleName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

const FA_NICHE: Record<Niche, string> = {
  fashion: 'مد و پوشاک', beauty: 'زیبایی', fitness: 'تناسب اندام', food: 'آشپزی', travel: 'سفر', tech: 'تکنولوژی', gaming: 'بازی',
  parenting: 'فرزندپروری', finance: 'مالی', education: 'آموزش', lifestyle: 'سبک زندگی', music: 'موسیقی', sports: 'ورزش',
  automotive: 'خودرو', home: 'خانه و دکوراسیون', pets: 'حیوانات خانگی', health: 'سلامت', comedy: 'طنز', art: 'هنر', business: 'کسب‌و‌کار',
};
const FA_CITY: Record<string, string> = { Tehran: 'تهران', Mashhad: 'مشهد', Isfahan: 'اصفهان', Shiraz: 'شیراز', Tabriz: 'تبریز', Karaj: 'کرج', Rasht: 'رشت' };

const EN_TAGLINES = [
  'Open to brand collaborations.',
  'Honest reviews, real results.',
  'Sharing what I love with my community.',
  'DM for partnerships.',
  'New videos every week.',
  'Tips, stories and behind the scenes.',
];

// Medians a little under the quality score's tier benchmarks, so scores spread instead of piling up at 100.
const ENGAGEMENT_BY_TIER: Record<Tier, number> = { nano: 3.6, micro: 2.3, mid: 1.6, macro: 1.2, mega: 0.9 };
const PRICE_FACTOR: Partial<Record<DeliverableType, number>> = { post: 1, story: 0.55, reel: 1.35, video: 2.2, live: 1.6, thread: 0.5 };
const DELIVERABLES_BY_PLATFORM: Record<Platform, DeliverableType[]> = {
  instagram: ['post', 'story', 'reel'], tiktok: ['video'], youtube: ['video'], x: ['post', 'thread'], twitch: ['live'],
  telegram: ['post'], aparat: ['video'],
};
const URL_BY_PLATFORM: Record<Platform, (handle: string) => string> = {
  instagram: (h) => `https://instagram.com/${h}`, tiktok: (h) => `https://www.tiktok.com/@${h}`, youtube: (h) => `https://youtube.com/@${h}`,
  x: (h) => `https://x.com/${h}`, twitch: (h) => `https://twitch.tv/${h}`, telegram: (h) => `https://t.me/${h}`, aparat: (h) => `https://www.aparat.com/${h}`,
};
const AGE_SPLITS: Record<'young' | 'middle' | 'older', Record<AgeBucket, number>> = {
  young: { '13-17': 18, '18-24': 42, '25-34': 25, '35-44': 9, '45-54': 4, '55+': 2 },
  middle: { '13-17': 5, '18-24': 28, '25-34': 38, '35-44': 17, '45-54': 8, '55+': 4 },
  older: { '13-17': 1, '18-24': 14, '25-34': 33, '35-44': 27, '45-54': 15, '55+': 10 },
};

export class InfluencerGenerator {
  private readonly faker: Faker;
  /** Name generators for the countries of NAME_LOCALES, each seeded from the generator's seed. */
  private readonly namers = new Map<string, Faker>();

  constructor(seed: number) {
    this.faker = new Faker({ locale: [en, base] });
    this.faker.seed(seed);
    for (const [index, [country, locale]] of Object.entries(NAME_LOCALES).entries()) {
      const namer = new Faker({ locale: [locale!, en, base] });
      namer.seed(seed + 1 + index);
      this.namers.set(country, namer);
    }
  }

  /** The display name, and its Latin spelling for handles. */
  private pickName(country: CountryProfile, sex: 'female' | 'male'): { displayName: string; latin: string } {
    if (country.languages.includes('fa')) {
      const [firstFa, first] = this.faker.helpers.arrayElement(PERSIAN_NAMES[sex]);
      const [lastFa, last] = this.faker.helpers.arrayElement(PERSIAN_NAMES.last);
      return { displayName: `${firstFa} ${lastFa}`, latin: `${first} ${last}` };
    }
    const namer = this.namers.get(country.code) ?? this.faker;
    const displayName = `${namer.person.firstName(sex)} ${namer.person.lastName()}`;
    return { displayName, latin: displayName };
  }

  private random(): number {
    return this.faker.number.float({ min: 0, max: 1 });
  }

  private normal(): number {
    // Box–Muller on the seeded generator.
    const u = Math.max(this.random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.random());
  }

  private weighted<T>(items: [T, number][]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll <= 0) return item;
    }
    return items[items.length - 1]![0];
  }

  private pickCountry(): CountryProfile {
    return this.weighted(COUNTRIES.map((c) => [c, c.weight] as [CountryProfile, number]));
  }

  private pickNiches(): Niche[] {
    const first = this.weighted(NICHE_WEIGHTS);
    const count = this.weighted<number>([[1, 35], [2, 45], [3, 20]]);
    const related = this.faker.helpers.shuffle([...RELATED[first]]);
    return [first, ...related.slice(0, count - 1)];
  }

  /** Log-normal followers: median ~9k, long tail into the millions. */
  private pickFollowers(): number {
    return Math.min(60_000_000, Math.max(300, Math.round(9000 * Math.exp(1.75 * this.normal()))));
  }

  private shares(entries: [string, number][], jitter: number): Record<string, number> {
    const noisy = entries.map(([key, value]) => [key, Math.max(0, value * (1 + jitter * this.normal()))] as const);
    const total = noisy.reduce((sum, [, value]) => sum + value, 0) || 1;
    const result: Record<string, number> = {};
    for (const [key, value] of noisy) {
      const share = Math.round((value / total) * 1000) / 10;
      if (share >= 0.5) result[key] = share;
    }
    return result;
  }

  generate(index: number): GeneratedInfluencer {
    const country = this.pickCountry();
    const speaksPersian = country.languages.includes('fa');
    const languages = [...country.languages, ...(this.random() < (speaksPersian ? 0.35 : 0.5) && !country.languages.includes('en') ? ['en'] : [])];
    const niches = this.pickNiches();
    const primary = niches[0]!;
    const city = this.faker.helpers.arrayElement(country.cities);
    const female = this.random() < (FEMALE_SKEW[primary] ? 0.7 : MALE_SKEW[primary] ? 0.3 : 0.5);
    const sex = female ? 'female' : 'male';
    const { displayName, latin } = this.pickName(country, sex);
    const nameHandle = handleName(latin).slice(0, 20).replace(/\.$/, '');
    const baseHandle = `${nameHandle}.${primary}`;
    const isBought = this.random() < 0.04;

    const platformCount = this.weighted<number>([[1, 50], [2, 35], [3, 15]]);
    const platforms = this.faker.helpers
      .shuffle([...country.platforms])
      .slice(0, platformCount)
      .filter((p) => p !== 'twitch' || primary === 'gaming' || primary === 'music');
    if (platforms.length === 0) platforms.push(country.platforms[0]!);

    const mainFollowers = this.pickFollowers();
    const ageBand = YOUNG.includes(primary) ? 'young' : OLDER.includes(primary) ? 'older' : 'middle';
    const femaleShare = FEMALE_SKEW[primary] ?? MALE_SKEW[primary] ?? 52;
    const accounts = platforms.map((platform, i): GeneratedAccount => {
      const followers = i === 0 ? mainFollowers : Math.max(200, Math.round(mainFollowers * (0.05 + 0.6 * this.random())));
      const tier = tierFor(followers);
      const engagementRate = isBought
        ? Math.round((0.08 + 0.3 * this.random()) * 100) / 100
        : Math.round(Math.max(0.2, ENGAGEMENT_BY_TIER[tier] * Math.exp(0.45 * this.normal())) * 100) / 100;
      const growth30d = isBought ? Math.round((35 + 90 * this.random()) * 10) / 10 : Math.round((1.5 + 2.5 * this.normal()) * 10) / 10;
      // People follow a few hundred accounts whatever their own audience (median ~630): a small
      // creator's following ratio is high, a large one's tiny. Bought audiences follow back in bulk.
      const following = isBought ? Math.round(followers * (0.3 + this.random())) : Math.round(Math.min(7500, 80 + 550 * Math.exp(0.75 * this.normal())));
      const handle = i === 0 ? baseHandle : `${nameHandle.replace(/\./g, '_')}_${platform}`;
      const diaspora = country.diaspora.map((code) => [code, 3 + 8 * this.random()] as [string, number]);
      const home = (speaksPersian ? 65 : 55) + 20 * this.random();
      const history: number[] = [];
      const monthly = growth30d / 100;
      for (let month = 5; month >= 0; month -= 1) history.push(Math.max(100, Math.round(followers / (1 + monthly) ** month)));
      return {
        id: this.faker.string.uuid(),
        platform,
        handle: `${handle}${index}`.slice(0, 64),
        url: URL_BY_PLATFORM[platform](`${handle}${index}`),
        followers,
        following,
        posts: Math.round(50 + 1500 * this.random()),
        avgViews: Math.round(followers * (platform === 'youtube' || platform === 'tiktok' || platform === 'aparat' ? 0.4 : 0.25) * (0.4 + this.random())),
        engagementRate,
        growth30d,
        audience: {
          countries: this.shares([[country.code, home], ...diaspora], 0.15),
          ages: this.shares(Object.entries(AGE_SPLITS[ageBand]), 0.2),
          genders: this.shares([['female', femaleShare], ['male', 100 - femaleShare]], 0.1),
          languages: this.shares(languages.map((l, k) => [l, k === 0 ? 80 : 20] as [string, number]), 0.1),
        },
        history,
      };
    });

    const rates = accounts.flatMap((account) => {
      // A post costs roughly $5–$15 per thousand followers, more for strong engagement.
      const cpm = (5 + 10 * this.random()) * Math.min(2, Math.max(0.5, account.engagementRate / 3));
      return DELIVERABLES_BY_PLATFORM[account.platform].map((deliverable) => ({
        platform: account.platform,
        deliverable,
        amountMinor: Math.max(1000, Math.round(((account.followers / 1000) * cpm * (PRICE_FACTOR[deliverable] ?? 1) * 100) / 500) * 500),
        currency: 'USD' as const,
      }));
    });

    const nicheWords = niches.map((n) => FA_NICHE[n]).join('، ');
    const bio = speaksPersian
      ? `${displayName} — تولید محتوای ${nicheWords} از ${FA_CITY[city] ?? city}. ${this.random() < 0.5 ? 'برای همکاری پیام بدهید.' : 'همکاری با برندهای ایرانی و بین‌المللی.'}${languages.includes('en') ? ` ${niches.join(' & ')} creator.` : ''}`
      : `${niches.map((n) => n[0]!.toUpperCase() + n.slice(1)).join(', ')} creator from ${city}. ${this.faker.helpers.arrayElement(EN_TAGLINES)}`;

    return {
      userId: this.faker.string.uuid(),
      profileId: this.faker.string.uuid(),
      email: `influencer${index}@${SEEDED_EMAIL_DOMAIN}`,
      displayName,
      slug: `${baseHandle.replace(/\./g, '-')}-${index}`,
      bio,
      niches,
      country: country.code,
      city,
      languages,
      accounts,
      rates,
    };
  }
}

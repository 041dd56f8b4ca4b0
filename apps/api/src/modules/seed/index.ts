export { BULK_LOAD_THRESHOLD, seedInfluencers, seededSearchDocument, SEEDED_INFLUENCER_PASSWORD, type SeedOptions, type SeedTotals } from './influencer-seeder.js';

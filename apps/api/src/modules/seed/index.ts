export { seedInfluencers, SEEDED_INFLUENCER_PASSWORD, type SeedOptions } from './influencer-seeder.js';

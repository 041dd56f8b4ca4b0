import type { DataSource } from 'typeorm';
import { BrandProfileEntity } from './brand-profile.entity.js';
import { brandsRoutes } from './brands.routes.js';
import { BrandsService } from './brands.service.js';

export const brandsEntities = [BrandProfileEntity];

export function createBrandsModule(dataSource: DataSource) {
  const service = new BrandsService(dataSource);
  return { service, routes: brandsRoutes(service) };
}

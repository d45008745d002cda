import { generateTopology, type GeneratedLink } from '../model/graph/generated-topology';
import { mulberry32 } from './prng';

/**
 * The demo backend's production-scale dependency list (`/api/dependencies?demoServices=N`):
 * the generated topology with a fixed seed, so the same N always yields the same links.
 */
export const generateDependencies = (serviceCount: number, seed = 1200): GeneratedLink[] =>
  generateTopology(serviceCount, mulberry32(seed).next);

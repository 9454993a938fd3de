import { existsSync } from 'node:fs';
import { specPath } from '../shared/spec/load-spec.ts';
import { usersService } from '../services/users/service.ts';
import type { ServiceModule } from './service-module.ts';

/** Every service module of the platform (a module whose spec is not written yet is skipped). */
export const ALL_SERVICES: ServiceModule[] = [usersService].filter((m) => existsSync(specPath(m.specFile)));

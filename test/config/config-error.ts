import { loadConfig } from '../../src/config/load-config';
import { AppError } from '../../src/core/errors';

/** The error `loadConfig(env)` throws; fails the test when it throws none or another kind. */
export function configError(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

import type { Server } from 'node:http';
import { AppError } from '../core/errors';

/**
 * Starts listening; a port that is taken or not allowed becomes a configuration error that says
 * what to change, instead of a stack trace.
 */
export async function listen(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new AppError(
        'config',
        `Port ${port} on ${host} is already in use.`,
        'Stop the program using it, or set PORT to a free port.',
      );
    }
    if (code === 'EACCES') {
      throw new AppError(
        'config',
        `Not allowed to listen on port ${port}.`,
        'Use a port above 1023 (PORT), or run with the rights for it.',
      );
    }
    if (code === 'EADDRNOTAVAIL') {
      throw new AppError(
        'config',
        `HOST ${host} is not an address of this machine.`,
        'Set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.',
      );
    }
    throw error;
  }
}

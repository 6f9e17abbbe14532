// A project a worker of the pool found valid carries a seal: an HMAC of its JSON text under a key
// that only the pool and its workers hold. A worker sent a project with the seal of exactly that
// text need not validate it again (a compare matrix sends the project to every worker); any other
// project, a changed one included, is validated as before (docs/decisions.md, Hardening 11).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Project } from '../../shared/engine/interchange.ts';

export type SealKey = Uint8Array;

export const newSealKey = (): SealKey => new Uint8Array(randomBytes(32));

/** The seal of a valid project's JSON text. */
export function sealOf(key: SealKey, projectText: string): string {
  return createHmac('sha256', key).update(projectText).digest('base64');
}

/**
 * The project as the validation accepted it, when `seals` holds the seal of its JSON text; else
 * null (validate it). The project is read back from that text, so that nothing JSON does not hold
 * (an undefined, a Date, a Map) reaches the engine.
 */
export function sealedProject(key: SealKey, project: unknown, seals: readonly string[] | undefined): Project | null {
  if (!seals || seals.length === 0) return null;
  let text: unknown;
  try {
    text = JSON.stringify(project);
  } catch {
    return null;
  }
  if (typeof text !== 'string') return null;
  const expected = Buffer.from(sealOf(key, text), 'base64');
  const known = seals.some((seal) => {
    const given = Buffer.from(String(seal), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return known ? (JSON.parse(text) as Project) : null;
}

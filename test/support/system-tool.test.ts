import { describe, expect, it } from 'vitest';
import { LIBREOFFICE, MissingToolError, requireTool, type ToolLookup } from './system-tool.ts';

function toolLookup(executables: string[], env: NodeJS.ProcessEnv = {}): ToolLookup {
  return { env: { PATH: '/usr/local/bin:/usr/bin', ...env }, platform: 'linux', isExecutable: (path) => executables.includes(path) };
}

describe('requireTool', () => {
  it('finds the tool on PATH', () => {
    expect(requireTool(LIBREOFFICE, toolLookup(['/usr/bin/soffice']))).toBe('/usr/bin/soffice');
  });

  it('prefers the executable named by its environment variable', () => {
    expect(requireTool(LIBREOFFICE, toolLookup(['/usr/bin/soffice', '/opt/lo/soffice'], { OREBRIDGE_SOFFICE: '/opt/lo/soffice' }))).toBe('/opt/lo/soffice');
  });

  it('fails with one line that says what to install', () => {
    const failure = (() => {
      try {
        requireTool(LIBREOFFICE, toolLookup([]));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(MissingToolError);
    const { message, stack } = failure as MissingToolError;
    expect(message).toContain('apt-get install libreoffice-calc-nogui');
    expect(message).not.toContain('\n');
    expect(stack).not.toContain('\n');
  });

  it('says so when the environment variable names something that is not there', () => {
    expect(() => requireTool(LIBREOFFICE, toolLookup(['/usr/bin/soffice'], { OREBRIDGE_SOFFICE: '/nowhere/soffice' }))).toThrow(/OREBRIDGE_SOFFICE=\/nowhere\/soffice is not an executable/);
  });
});


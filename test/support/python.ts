// The Python that has a module the tests check our files with (networkx for GraphML, openpyxl for
// xlsx): Debian's own (/usr/bin/python3, where `apt-get install python3-networkx python3-openpyxl`
// puts them; .ci/run does) before whatever `python3` is first on the PATH (a pyenv shim, say).
// Throws, naming the package to install, when none has it: the check never passes by skipping.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function pythonWith(module: string): string {
  const candidates = ['/usr/bin/python3', 'python3'].filter((p) => !p.startsWith('/') || fs.existsSync(p));
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' });
    if (r.status === 0) return python;
  }
  throw new Error(`no python3 with ${module}: apt-get install python3-${module} (the tests check our files with it)`);
}
